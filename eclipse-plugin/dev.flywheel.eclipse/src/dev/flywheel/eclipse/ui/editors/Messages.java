package dev.flywheel.eclipse.ui.editors;

import org.eclipse.osgi.util.NLS;

/** User-facing strings of the editors; the fields are filled by {@link NLS} from messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "dev.flywheel.eclipse.ui.editors.messages"; //$NON-NLS-1$

    public static String Compare_name;
    public static String Compare_tooltip;
    public static String Compare_loading;
    public static String Compare_header;
    public static String Compare_metric;
    public static String Compare_base;
    public static String Compare_candidate;
    public static String Compare_delta;
    public static String Compare_f1Chart;
    public static String Compare_label;
    public static String Compare_f1Delta;
    public static String Compare_apChart;
    public static String Compare_apDelta;
    public static String Compare_confusion;
    public static String Compare_fixed;
    public static String Compare_broken;
    public static String Compare_dataDiff;
    public static String Compare_none;
    public static String Compare_evaluation;
    public static String Compare_evaluationUnknown;
    public static String Compare_thumbnailTip;
    public static String Compare_thumbnailJob;
    public static String Compare_noLabelStudio;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {}
}
