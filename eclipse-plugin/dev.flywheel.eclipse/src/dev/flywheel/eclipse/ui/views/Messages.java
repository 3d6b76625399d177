package dev.flywheel.eclipse.ui.views;

import org.eclipse.osgi.util.NLS;

/** User-facing strings of the views; the fields are filled by {@link NLS} from messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "dev.flywheel.eclipse.ui.views.messages"; //$NON-NLS-1$

    public static String DatasetsView_noBackend;
    public static String DatasetsView_refresh;
    public static String DatasetsView_refreshTooltip;
    public static String DatasetsView_loading;
    public static String DatasetsView_noProjects;
    public static String DatasetsView_loadingJob;
    public static String DatasetsView_statsJob;
    public static String DatasetsView_columnName;
    public static String DatasetsView_columnTaskType;
    public static String DatasetsView_columnTasks;
    public static String DatasetsView_columnAnnotations;
    public static String DatasetsView_columnActive;
    public static String DatasetsView_columnDrift;
    public static String DatasetsView_drifted;
    public static String DatasetsView_noDrift;
    public static String Stats_select;
    public static String Stats_loading;
    public static String Stats_header;
    public static String Stats_tasks;
    public static String Stats_annotatedTasks;
    public static String Stats_annotations;
    public static String Stats_skipped;
    public static String Stats_imbalance;
    public static String Stats_issuesOpen;
    public static String Stats_multiple;
    public static String Stats_agreement;
    public static String Stats_classChart;
    public static String Stats_classAxis;
    public static String Stats_countAxis;
    public static String Stats_annotator;
    public static String Stats_leadTime;
    public static String Versions_selectProject;
    public static String Versions_loading;
    public static String Versions_loadingJob;
    public static String Versions_header;
    public static String Versions_headerPolling;
    public static String Versions_version;
    public static String Versions_status;
    public static String Versions_training;
    public static String Versions_created;
    public static String Versions_trainedOn;
    public static String Versions_accuracy;
    public static String Versions_macroF1;
    public static String Versions_duration;
    public static String Versions_acceptance;
    public static String Versions_leadTime;
    public static String Versions_curveTitle;
    public static String Versions_curveX;
    public static String Versions_curveY;
    public static String Versions_refresh;
    public static String Versions_train;
    public static String Versions_activate;
    public static String Versions_compare;
    public static String Versions_trainJob;
    public static String Versions_queued;
    public static String Versions_activateTitle;
    public static String Versions_activateQuestion;
    public static String Versions_activateJob;
    public static String Versions_activated;
    public static String Preview_select;
    public static String Preview_loading;
    public static String Preview_job;
    public static String Preview_caption;
    public static String Preview_unreadable;
    public static String Issues_selectProject;
    public static String Issues_loading;
    public static String Issues_loadingJob;
    public static String Issues_header;
    public static String Issues_none;
    public static String Issues_coverage;
    public static String Issues_provisional;
    public static String Issues_auditOff;
    public static String Issues_rank;
    public static String Issues_task;
    public static String Issues_given;
    public static String Issues_kind;
    public static String Issues_box;
    public static String Issues_suggested;
    public static String Issues_selfConfidence;
    public static String Issues_score;
    public static String Issues_open;
    public static String Issues_openTooltip;
    public static String Issues_noLabelStudio;
    public static String Issues_cannotOpen;
    public static String Browser_selectProject;
    public static String Browser_labelFilter;
    public static String Browser_allLabels;
    public static String Browser_issuesOnly;
    public static String Browser_uncertainFirst;
    public static String Browser_task;
    public static String Browser_label;
    public static String Browser_prediction;
    public static String Browser_score;
    public static String Browser_issue;
    public static String Browser_issueText;
    public static String Browser_loading;
    public static String Browser_loadingJob;
    public static String Browser_header;
    public static String Browser_headerMore;
    public static String Drift_selectProject;
    public static String Drift_loading;
    public static String Drift_loadingJob;
    public static String Drift_drifted;
    public static String Drift_notDrifted;
    public static String Drift_feature;
    public static String Drift_test;
    public static String Drift_ks;
    public static String Drift_mmd;
    public static String Drift_statistic;
    public static String Drift_pValue;
    public static String Drift_referenceMedian;
    public static String Drift_currentMedian;
    public static String Drift_change;
    public static String Drift_moved;
    public static String Drift_yes;
    public static String Drift_no;
    public static String Drift_chart;
    public static String Drift_chartX;
    public static String Drift_chartY;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {}
}
