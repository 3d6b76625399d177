package dev.flywheel.model.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.model.json.FlywheelJson;
import dev.flywheel.model.json.QuotedJson;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiContractTest {

    private final ObjectMapper mapper = FlywheelJson.newMapper();

    /** Numbers compare by value: a count read as int is written from a {@code long} component. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue())
            : a.equals(b) ? 0 : 1;

    private void assertRoundTrip(String json, Class<?> type) throws Exception {
        JsonNode original = QuotedJson.tree(json);
        JsonNode written = mapper.valueToTree(mapper.treeToValue(original, type));
        assertThat(written.equals(NUMBERS_BY_VALUE, original))
                .as("%s written back as%n%s%nfrom%n%s", type.getSimpleName(), written, original)
                .isTrue();
    }

    @Test
    void a_model_detail_uses_the_contract_snake_case_names_in_both_directions() throws Exception {
        assertRoundTrip("{'version':'v2','parent':'v1','status':'ready','created_at':'2026-01-01T00:00:00Z','trained_on':80,"
                + "'training_seconds':12.5,'metrics':{'accuracy':0.9,'macro_f1':0.85},'dataset_size':100,'labels':['cat','dog'],"
                + "'per_class':[{'label':'cat','precision':0.9,'recall':0.8,'f1':0.85,'support':10}],"
                + "'confusion':{'labels':['cat','dog'],'matrix':[[8,2],[1,9]]},'data_fingerprint':'sha256:ab',"
                + "'hyperparameters':{'epochs':3},'history':[{'epoch':1,'loss':0.7,'val_accuracy':0.6}]}", ModelDetail.class);
    }

    @Test
    void a_drift_reply_carries_its_history_and_the_samples_that_moved_most_and_reads_without_them() throws Exception {
        String head = "{'reference_version':'v1','window':{'from':'2026-01-01T00:00:00Z','to':'2026-01-02T00:00:00Z','samples':40},"
                + "'statistic':0.2,'p_value':0.01,'drifted':true,'per_feature':[]";
        assertRoundTrip(head + ",'history':[{'from':'2026-01-01T00:00:00Z','to':'2026-01-01T12:00:00Z','samples':20,"
                + "'statistic':0.01,'p_value':0.9,'drifted':false}],'moved':[{'task_id':7,'image':'/data/upload/3/a.png',"
                + "'served_at':'2026-01-01T13:00:00Z','distance':3.5,'features':{'brightness':0.9,'contrast':0.1},"
                + "'deviations':{'brightness':6.2,'contrast':-0.4},'moved_most':'brightness'}]}", DriftReport.class);
        DriftReport older = mapper.treeToValue(QuotedJson.tree(head + "}"), DriftReport.class);
        assertThat(older.history()).isEmpty();
        assertThat(older.moved()).isEmpty();
    }

    @Test
    void a_label_issue_names_the_annotator_who_gave_the_label_when_known() throws Exception {
        assertRoundTrip("{'task_id':1,'annotation_id':2,'given_label':'cat','suggested_label':'dog','self_confidence':0.05,'score':0.95,"
                + "'annotator_id':3,'annotator':'ann@example.com'}", LabelIssue.class);
        assertThat(mapper.treeToValue(QuotedJson.tree("{'task_id':1,'given_label':'cat','self_confidence':0.05,'score':0.95}"),
                LabelIssue.class).annotatorId()).isNull();
    }

    @Test
    void an_annotator_carries_the_name_label_studio_sent_and_reads_without_one() throws Exception {
        assertRoundTrip("{'id':1,'annotations':9,'median_lead_time_s':4.2,'name':'ann@example.com'}", AnnotatorStats.class);
        assertThat(mapper.treeToValue(QuotedJson.tree("{'id':1,'annotations':9}"), AnnotatorStats.class).name()).isNull();
    }

    @Test
    void a_models_list_entry_says_why_a_ready_version_is_not_active() throws Exception {
        assertRoundTrip("{'active':'v1','models':[{'version':'v3','parent':'v2','status':'ready','created_at':'2026-01-01T00:00:00Z',"
                + "'message':'ready but not activated: another version was activated while this run trained'},"
                + "{'version':'v1','status':'ready','created_at':'2025-12-01T00:00:00Z'}]}", ModelsReply.class);
    }

    @Test
    void stats_compare_flywheel_learning_curve_and_drift_use_the_contract_names() throws Exception {
        assertRoundTrip("{'tasks':10,'annotated_tasks':8,'annotations':9,'skipped':1,'classes':[{'label':'cat','count':5,'share':0.5}],"
                + "'imbalance_ratio':1.5,'annotators':[{'id':1,'annotations':9,'median_lead_time_s':4.2}],"
                + "'agreement':{'tasks_with_multiple':1,'mean_pairwise':1.0},'issues_open':2}", ProjectStats.class);
        assertRoundTrip("{'base':'v1','candidate':'v2','metrics':[{'name':'accuracy','base':0.8,'candidate':0.9,'delta':0.1}],"
                + "'per_class':[{'label':'cat','base_f1':0.7,'candidate_f1':0.8,'delta':0.1}],"
                + "'confusion_base':{'labels':['a'],'matrix':[[1]]},'confusion_candidate':{'labels':['a'],'matrix':[[1]]},"
                + "'changed':{'fixed':[1,2],'broken':[3]},'data_diff':{'added':5,'removed':0,'relabeled':1}}", CompareReply.class);
        assertRoundTrip("{'versions':[{'version':'v1','prelabeled':10,'accepted':6,'edited':3,'replaced':1,'acceptance_rate':0.6,"
                + "'median_lead_time_s':3.0}],'without_prelabel':{'tasks':4,'median_lead_time_s':9.0}}", FlywheelReply.class);
        assertRoundTrip("{'points':[{'version':'v1','trained_on':50,'accuracy':0.7,'macro_f1':0.6}],"
                + "'projected_gain_per_100_labels':0.03}", LearningCurve.class);
        assertRoundTrip("{'reference_version':'v1','window':{'from':'2026-01-01T00:00:00Z','to':'2026-01-02T00:00:00Z','samples':40},"
                + "'statistic':0.2,'p_value':0.01,'drifted':true,'per_feature':[]}", DriftReport.class);
        assertRoundTrip("{'model_version':'v1','issues':[{'task_id':1,'annotation_id':2,'given_label':'cat','suggested_label':'dog',"
                + "'self_confidence':0.05,'score':0.95}],'next_cursor':'abc'}", LabelIssuesPage.class);
        assertRoundTrip("{'projects':[{'id':3,'title':'Pets','task_type':'image_classification','labels':['cat'],'tasks':10,"
                + "'annotations':4,'active_model_version':'v1','last_annotation_at':'2026-01-01T00:00:00Z'}]}", ProjectsReply.class);
    }

    @Test
    void detection_replies_add_box_fields_under_contract_names_and_classifier_replies_stay_as_they_were() throws Exception {
        assertRoundTrip("{'model_version':'v3','issues':[{'task_id':1,'annotation_id':2,'suggested_label':'dog',"
                + "'self_confidence':0.1,'score':0.9,'kind':'missing','box':{'x':10.0,'y':20.0,'width':30.0,'height':40.0}},"
                + "{'task_id':4,'annotation_id':5,'given_label':'cat','self_confidence':0.02,'score':0.98,"
                + "'kind':'spurious','box':{'x':1.0,'y':2.0,'width':3.0,'height':4.0}}]}", LabelIssuesPage.class);
        assertRoundTrip("{'base':'v1','candidate':'v2','metrics':[{'name':'map50','base':0.5,'candidate':0.7,'delta':0.2}],"
                + "'per_class':[],'changed':{'fixed':[1],'broken':[]},"
                + "'data_diff':{'added':5,'removed':0,'relabeled':1},"
                + "'per_class_ap':[{'label':'cat','base_ap50':0.4,'candidate_ap50':0.6,'delta':0.2}]}", CompareReply.class);
        assertRoundTrip("{'points':[{'version':'v1','trained_on':50,'map50':0.55}]}", LearningCurve.class);
    }

    @Test
    void a_box_issue_needs_its_box_and_only_a_missing_box_lacks_a_given_label() {
        assertThatThrownBy(() -> new LabelIssue(1, 2L, null, "dog", 0.1, 0.9, LabelIssue.SPURIOUS, new IssueBox(1, 2, 3, 4)))
                .hasMessageContaining("given_label");
        assertThatThrownBy(() -> new LabelIssue(1, 2L, "cat", "dog", 0.1, 0.9, LabelIssue.SWAPPED, null))
                .hasMessageContaining("box");
        assertThatThrownBy(() -> new LabelIssue(1, 2L, null, "dog", 0.1, 0.9)).hasMessageContaining("given_label");
    }

    @Test
    void a_task_type_from_a_newer_server_reads_as_unsupported() throws Exception {
        ProjectSummary project = mapper.readValue(
                "{\"id\":1,\"task_type\":\"keypoints\",\"tasks\":0,\"annotations\":0}", ProjectSummary.class);

        assertThat(project.taskType()).isEqualTo(TaskType.UNSUPPORTED);
    }

    @Test
    void a_ratio_outside_zero_to_one_is_rejected_with_its_json_name() {
        assertThatThrownBy(() -> new ClassCount("cat", 3, 1.5)).hasMessageContaining("share must be in [0, 1]");
        assertThatThrownBy(() -> new ModelMetrics(0.9, -0.1)).hasMessageContaining("macro_f1");
    }

    @Test
    void a_negative_count_is_rejected() {
        assertThatThrownBy(() -> new DataDiff(-1, 0, 0)).hasMessageContaining("added");
    }

    @Test
    void a_confusion_matrix_must_be_square_over_its_labels() {
        assertThatThrownBy(() -> new Confusion(List.of("a", "b"), List.of(List.of(1L, 2L))))
                .hasMessageContaining("one row per label");
    }

    @Test
    void a_finished_run_never_moves_back() {
        assertThat(ModelStatus.QUEUED.canMoveTo(ModelStatus.TRAINING)).isTrue();
        assertThat(ModelStatus.READY.canMoveTo(ModelStatus.TRAINING)).isFalse();
        assertThat(ModelStatus.TRAINING.canMoveTo(ModelStatus.QUEUED)).isFalse();
    }
}
