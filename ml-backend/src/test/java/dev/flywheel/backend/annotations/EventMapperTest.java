package dev.flywheel.backend.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.model.json.FlywheelJson;
import dev.flywheel.model.labelstudio.Annotation;
import org.junit.jupiter.api.Test;

class EventMapperTest {

    private final ObjectMapper mapper = FlywheelJson.newMapper();

    @Test
    void aUserObjectGivesItsFullNameOrElseItsEmail() throws Exception {
        assertThat(EventMapper.annotatorName(annotation("{'id':1,'completed_by':{'id':3,'email':'ann@example.com',"
                + "'first_name':'Ann','last_name':'Smith'}}"))).contains("Ann Smith");
        assertThat(EventMapper.annotatorName(annotation("{'id':1,'completed_by':{'id':3,'email':'ann@example.com','first_name':''}}")))
                .contains("ann@example.com");
    }

    @Test
    void aBareIdTakesTheNameOfLabelStudiosCreatedUsernameOnlyWhenItNamesTheSameId() throws Exception {
        assertThat(EventMapper.annotatorName(annotation("{'id':1,'completed_by':3,'created_username':' ann@example.com, 3'}")))
                .contains("ann@example.com");
        assertThat(EventMapper.annotatorName(annotation("{'id':1,'completed_by':3,'created_username':'bob@example.com, 4'}"))).isEmpty();
        assertThat(EventMapper.annotatorName(annotation("{'id':1,'completed_by':3}"))).isEmpty();
    }

    @Test
    void withoutAUserIdThereIsNobodyToName() throws Exception {
        assertThat(EventMapper.annotatorName(annotation("{'id':1,'completed_by':'ann@example.com'}"))).isEmpty();
        assertThat(EventMapper.annotatorName(annotation("{'id':1}"))).isEmpty();
    }

    private Annotation annotation(String json) throws Exception {
        return mapper.readValue(json.replace('\'', '"'), Annotation.class);
    }
}
