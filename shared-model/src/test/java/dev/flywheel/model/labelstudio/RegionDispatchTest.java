package dev.flywheel.model.labelstudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.model.json.QuotedJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionDispatchTest {

    private final ObjectMapper mapper = QuotedJson.MAPPER;

    /** A region as Label Studio sends it, written here with single quotes. */
    private static Region read(String json) throws Exception {
        return QuotedJson.read(json, Region.class);
    }

    @Test
    void a_choices_region_becomes_a_ChoicesRegion_with_its_labels() throws Exception {
        Region region = read("{'from_name':'label','to_name':'image','type':'choices','value':{'choices':['Car','Cab']},'score':0.5}");

        assertThat(region).isInstanceOf(ChoicesRegion.class);
        assertThat(region.labels()).containsExactly("Car", "Cab");
        assertThat(((ChoicesRegion) region).header().score()).isEqualTo(0.5);
    }

    @Test
    void each_vision_type_dispatches_to_its_own_record() throws Exception {
        String common = "'from_name':'f','to_name':'image',";
        assertThat(read("{" + common + "'type':'rectanglelabels','value':{'x':1,'y':2,'width':3,'height':4,'rectanglelabels':['Car']}}"))
                .isInstanceOf(RectangleLabelsRegion.class);
        assertThat(read("{" + common + "'type':'rectangle','value':{'x':1,'y':2,'width':3,'height':4}}"))
                .isInstanceOf(RectangleRegion.class);
        assertThat(read("{" + common + "'type':'labels','value':{'start':0,'end':3,'labels':['A']}}"))
                .isInstanceOf(LabelsRegion.class);
        assertThat(read("{" + common + "'type':'polygonlabels','value':{'points':[[1,2],[3,4]],'polygonlabels':['P']}}"))
                .isInstanceOf(PolygonLabelsRegion.class);
        assertThat(read("{" + common + "'type':'keypointlabels','value':{'x':1,'y':2,'keypointlabels':['nose']}}"))
                .isInstanceOf(KeyPointLabelsRegion.class);
        assertThat(read("{" + common + "'type':'brushlabels','value':{'format':'rle','rle':[1,2],'brushlabels':['P']}}"))
                .isInstanceOf(BrushLabelsRegion.class);
        assertThat(read("{" + common + "'type':'ellipselabels','value':{'x':1,'y':2,'radiusX':3,'radiusY':4,'ellipselabels':['E']}}"))
                .isInstanceOf(EllipseLabelsRegion.class);
    }

    @Test
    void an_unknown_type_is_kept_raw_and_written_back_unchanged() throws Exception {
        String json = "{'id':'r1','from_name':'t','to_name':'image','type':'textarea','value':{'text':['hello']},'readonly':false}";
        Region region = read(json);

        assertThat(region).isInstanceOf(UnknownRegion.class);
        assertThat(region.type()).isEqualTo("textarea");
        assertThat(((UnknownRegion) region).id()).isEqualTo("r1");
        assertThat(((UnknownRegion) region).value()).containsEntry("text", List.of("hello"));
        JsonNode written = mapper.valueToTree(region);
        assertThat(written).isEqualTo(QuotedJson.tree(json));
    }

    @Test
    void type_is_written_once_and_unmodelled_keys_survive_a_round_trip() throws Exception {
        String json = "{'from_name':'tag2','to_name':'image','type':'keypointlabels','origin':'manual','is_positive':true,"
                + "'parentID':'bbox-0','value':{'x':49.4,'y':59.9,'width':0.3,'labels':['Banana'],'keypointlabels':['Banana']},'new_field':7}";
        Region region = read(json);

        JsonNode written = mapper.valueToTree(region);

        assertThat(written).isEqualTo(QuotedJson.tree(json));
        assertThat(((KeyPointLabelsRegion) region).header().parentId()).isEqualTo("bbox-0");
        assertThat(((KeyPointLabelsRegion) region).value().extra()).containsKey("labels");
        assertThat(((KeyPointLabelsRegion) region).header().extra()).containsEntry("new_field", 7);
    }

    @Test
    void a_known_type_without_from_name_is_rejected_with_the_field_name() {
        assertThatThrownBy(() -> read("{'to_name':'image','type':'choices','value':{'choices':['A']}}"))
                .hasMessageContaining("from_name");
    }

    @Test
    void a_polygon_point_that_is_not_a_pair_is_rejected() {
        assertThatThrownBy(() -> read("{'from_name':'f','to_name':'i','type':'polygonlabels','value':{'points':[[1,2,3]],'polygonlabels':['P']}}"))
                .hasMessageContaining("[x, y] pair");
    }

    @Test
    void the_header_of_a_region_is_written_beside_its_type_and_value_not_nested() {
        RegionHeader header = RegionHeader.of("label", "image", 0.75).withImage("r1", 640, 480, null);
        ChoicesRegion region = new ChoicesRegion(header, new ChoicesRegion.Value(List.of("Car"), null));

        JsonNode written = mapper.valueToTree(region);

        assertThat(written.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("id", "from_name", "to_name", "score", "original_width", "original_height", "type", "value");
        assertThat(written.path("type").asText()).isEqualTo("choices");
        assertThat(written.path("original_width").asInt()).isEqualTo(640);
    }

    @Test
    void a_known_type_without_a_value_is_a_mapping_error_naming_the_type() {
        assertThatThrownBy(() -> read("{'from_name':'f','to_name':'i','type':'rectanglelabels'}"))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class)
                .hasMessageContaining("rectanglelabels region");
    }
}
