package dev.flywheel.eclipse.core.jobs;

/** The job family shared by every Flywheel job, so views and tests can wait for or cancel them together. */
public final class FlywheelJobs {

    /** The family object; {@code Job.getJobManager().join(FlywheelJobs.FAMILY, monitor)} waits for all of them. */
    public static final Object FAMILY = FlywheelJobs.class;

    private FlywheelJobs() {}
}
