package dev.flywheel.eclipse.core.client;

import dev.flywheel.model.api.CompareReply;
import dev.flywheel.model.api.DriftReport;
import dev.flywheel.model.api.FlywheelReply;
import dev.flywheel.model.api.LabelIssuesPage;
import dev.flywheel.model.api.LearningCurve;
import dev.flywheel.model.api.ModelDetail;
import dev.flywheel.model.api.ModelsReply;
import dev.flywheel.model.api.PrelabelJobReply;
import dev.flywheel.model.api.PrelabelJobStatus;
import dev.flywheel.model.api.ProjectStats;
import dev.flywheel.model.api.ProjectsReply;
import dev.flywheel.model.api.TasksPage;
import dev.flywheel.model.api.TrainReply;
import dev.flywheel.model.json.FlywheelJson;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A synchronous client of one Flywheel backend: {@code /health} and one typed method per insights-API
 * endpoint; it blocks, so callers run it in a job, never on the UI thread.
 */
public final class FlywheelClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    private static final String API = "api/v1/projects"; //$NON-NLS-1$

    private final Transport transport;

    /**
     * A client of the backend at {@code baseUrl} (for example {@code http://127.0.0.1:9090}) without auth.
     *
     * @throws IllegalArgumentException if the URL is not an absolute http(s) URL
     */
    public FlywheelClient(String baseUrl) {
        this(baseUrl, null, null);
    }

    /**
     * A client that sends basic auth when {@code user} is not blank.
     *
     * @throws IllegalArgumentException if the URL is not an absolute http(s) URL
     */
    public FlywheelClient(String baseUrl, String user, String password) {
        this(baseUrl, user, password, new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .callTimeout(READ_TIMEOUT.multipliedBy(2))
                .build());
    }

    FlywheelClient(String baseUrl, String user, String password, OkHttpClient http) {
        String authorization = user == null || user.isBlank()
                ? null
                : Credentials.basic(user, password == null ? "" : password); //$NON-NLS-1$
        this.transport = new Transport(normalize(baseUrl), authorization, http, FlywheelJson.newMapper());
    }

    /** The backend's URL, without a trailing slash. */
    public String baseUrl() {
        return transport.baseUrl();
    }

    /** {@code GET /health}: whether the backend is up. */
    public BackendHealth health() throws BackendException {
        return transport.get(transport.url().addPathSegment("health").build(), BackendHealth.class); //$NON-NLS-1$
    }

    /** {@code GET /api/v1/projects}: the projects the backend serves. */
    public ProjectsReply projects() throws BackendException {
        return transport.get(api().build(), ProjectsReply.class);
    }

    /** {@code GET /api/v1/projects/{project}/stats}: the project's dataset statistics. */
    public ProjectStats stats(long project) throws BackendException {
        return transport.get(project(project, "stats").build(), ProjectStats.class); //$NON-NLS-1$
    }

    /** {@code GET /api/v1/projects/{project}/tasks}: one page of tasks, filtered and ordered by {@code query}. */
    public TasksPage tasks(long project, TaskQuery query) throws BackendException {
        HttpUrl.Builder url = project(project, "tasks") //$NON-NLS-1$
                .addQueryParameter("limit", Integer.toString(query.limit())); //$NON-NLS-1$
        if (query.label() != null) {
            url.addQueryParameter("label", query.label()); //$NON-NLS-1$
        }
        if (query.onlyWithIssues()) {
            url.addQueryParameter("has_issue", "true"); //$NON-NLS-1$ //$NON-NLS-2$
        }
        if (query.byUncertainty()) {
            url.addQueryParameter("order", "uncertainty"); //$NON-NLS-1$ //$NON-NLS-2$
        }
        if (query.cursor() != null) {
            url.addQueryParameter("cursor", query.cursor()); //$NON-NLS-1$
        }
        return transport.get(url.build(), TasksPage.class);
    }

    /** {@code GET /api/v1/projects/{project}/tasks/{task}/image}: the task's image bytes. */
    public byte[] taskImage(long project, long task) throws BackendException {
        return transport.bytes(project(project, "tasks").addPathSegment(Long.toString(task)).addPathSegment("image").build()); //$NON-NLS-1$ //$NON-NLS-2$
    }

    /** {@code GET /api/v1/projects/{project}/label-issues}: one page of suspected label errors, most likely first. */
    public LabelIssuesPage labelIssues(long project, int limit, String cursor) throws BackendException {
        HttpUrl.Builder url = project(project, "label-issues").addQueryParameter("limit", Integer.toString(limit)); //$NON-NLS-1$ //$NON-NLS-2$
        if (cursor != null) {
            url.addQueryParameter("cursor", cursor); //$NON-NLS-1$
        }
        return transport.get(url.build(), LabelIssuesPage.class);
    }

    /** {@code GET /api/v1/projects/{project}/models}: the project's model versions, newest first. */
    public ModelsReply models(long project) throws BackendException {
        return transport.get(project(project, "models").build(), ModelsReply.class); //$NON-NLS-1$
    }

    /** {@code GET /api/v1/projects/{project}/models/{version}}: one version in full. */
    public ModelDetail model(long project, String version) throws BackendException {
        return transport.get(project(project, "models").addPathSegment(version).build(), ModelDetail.class); //$NON-NLS-1$
    }

    /** {@code POST /api/v1/projects/{project}/models/{version}/activate}: makes {@code version} serve predictions. */
    public ModelDetail activate(long project, String version) throws BackendException {
        return transport.post(project(project, "models").addPathSegment(version).addPathSegment("activate").build(), //$NON-NLS-1$ //$NON-NLS-2$
                ModelDetail.class);
    }

    /** {@code POST /api/v1/projects/{project}/train}: queues a training run. */
    public TrainReply train(long project) throws BackendException {
        return transport.post(project(project, "train").build(), TrainReply.class); //$NON-NLS-1$
    }

    /**
     * {@code POST /api/v1/projects/{project}/prelabel-jobs}: pre-labels every unlabelled task of the project with its
     * active version, in the backend, writing the predictions into Label Studio.
     */
    public PrelabelJobReply startPrelabel(long project) throws BackendException {
        return transport.post(project(project, "prelabel-jobs").build(), PrelabelJobReply.class); //$NON-NLS-1$
    }

    /** {@code GET /api/v1/projects/{project}/prelabel-jobs/{job}}: the job's progress. */
    public PrelabelJobStatus prelabelJob(long project, String job) throws BackendException {
        return transport.get(project(project, "prelabel-jobs").addPathSegment(job).build(), PrelabelJobStatus.class); //$NON-NLS-1$
    }

    /** {@code DELETE /api/v1/projects/{project}/prelabel-jobs/{job}}: cancels the job; what it wrote stays. */
    public PrelabelJobStatus cancelPrelabel(long project, String job) throws BackendException {
        return transport.delete(project(project, "prelabel-jobs").addPathSegment(job).build(), PrelabelJobStatus.class); //$NON-NLS-1$
    }

    /** {@code GET /api/v1/projects/{project}/compare}: how {@code candidate} differs from {@code base}. */
    public CompareReply compare(long project, String base, String candidate) throws BackendException {
        return transport.get(project(project, "compare") //$NON-NLS-1$
                .addQueryParameter("base", base) //$NON-NLS-1$
                .addQueryParameter("candidate", candidate) //$NON-NLS-1$
                .build(), CompareReply.class);
    }

    /** {@code GET /api/v1/projects/{project}/learning-curve}: quality against labels learned from. */
    public LearningCurve learningCurve(long project) throws BackendException {
        return transport.get(project(project, "learning-curve").build(), LearningCurve.class); //$NON-NLS-1$
    }

    /** {@code GET /api/v1/projects/{project}/flywheel}: how much each version's pre-labels saved. */
    public FlywheelReply flywheel(long project) throws BackendException {
        return transport.get(project(project, "flywheel").build(), FlywheelReply.class); //$NON-NLS-1$
    }

    /** {@code GET /api/v1/projects/{project}/drift}: whether recent images drifted from the training data. */
    public DriftReport drift(long project) throws BackendException {
        return transport.get(project(project, "drift").build(), DriftReport.class); //$NON-NLS-1$
    }

    private HttpUrl.Builder api() {
        return transport.url().addPathSegments(API);
    }

    private HttpUrl.Builder project(long project, String resource) {
        return api().addPathSegment(Long.toString(project)).addPathSegment(resource);
    }

    private static String normalize(String baseUrl) {
        if (baseUrl == null) {
            throw new IllegalArgumentException("Not a URL: null"); //$NON-NLS-1$
        }
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a URL: " + baseUrl, e); //$NON-NLS-1$
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT); //$NON-NLS-1$
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) { //$NON-NLS-1$ //$NON-NLS-2$
            throw new IllegalArgumentException("Not an http(s) URL: " + baseUrl); //$NON-NLS-1$
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text; //$NON-NLS-1$
    }
}
