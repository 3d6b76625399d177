package dev.flywheel.backend.labelstudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flywheel.backend.config.Secret;
import dev.flywheel.backend.image.FetchLimits;
import dev.flywheel.backend.image.ImageFetcher;
import dev.flywheel.backend.image.LabelStudioConnection;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.model.json.FlywheelJson;
import dev.flywheel.model.labelstudio.Task;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Label Studio API client against a MockWebServer playing Label Studio: what it sends, retries and reports. */
class LabelStudioClientTest {

    private static final String TOKEN = "ls-secret-token-8d2e61";
    private static final ObjectMapper MAPPER = FlywheelJson.newMapper();
    private static final Backoff QUICK = new Backoff(3, Duration.ofMillis(5));

    @TempDir
    Path cache;

    private final MockWebServer labelStudio = new MockWebServer();
    private ImageFetcher fetcher;
    private LabelStudioClient client;

    @BeforeEach
    void start() throws IOException {
        labelStudio.start(InetAddress.getByName("127.0.0.1"), 0);
        fetcher = ImageFetcher.create(FetchLimits.defaults(), Optional.empty(), cache);
        client = new LabelStudioClient(fetcher.labelStudioRequests(), MAPPER, QUICK);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        labelStudio.close();
    }

    @Test
    void theExportIsRequestedWithTheTokenAndOnlyLabelledTasksComeBack() throws Exception {
        labelStudio.enqueue(json(export(0, 3, true).add(task(99, false))));

        List<Task> tasks = client.labeledTasks(connection(), 3);

        assertThat(tasks).extracting(Task::id).containsExactly(1000L, 1001L, 1002L);
        assertThat(tasks.getFirst().annotationsOrEmpty()).hasSize(1);
        RecordedRequest request = labelStudio.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/projects/3/export");
        assertThat(request.getUrl().queryParameter("exportType")).isEqualTo("JSON");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Token " + TOKEN);
    }

    @Test
    void aServerErrorIsRetriedAndTheSecondAnswerIsUsed() {
        labelStudio.enqueue(new MockResponse.Builder().code(500).body("oops").build());
        labelStudio.enqueue(json(export(0, 2, true)));

        assertThat(client.labeledTasks(connection(), 3)).hasSize(2);
        assertThat(labelStudio.getRequestCount()).isEqualTo(2);
    }

    @Test
    void whenTheExportIsRefusedThePagedTaskListIsRead() throws Exception {
        labelStudio.enqueue(new MockResponse.Builder().code(404).body("{}").build());
        ObjectNode firstPage = MAPPER.createObjectNode().put("total", 101);
        firstPage.set("tasks", export(0, LabelStudioClient.PAGE_SIZE, true));
        labelStudio.enqueue(json(firstPage));
        labelStudio.enqueue(json(MAPPER.createObjectNode().put("total", 101).set("tasks", export(500, 1, true))));

        assertThat(client.labeledTasks(connection(), 3)).hasSize(101);
        labelStudio.takeRequest();
        RecordedRequest page1 = labelStudio.takeRequest();
        RecordedRequest page2 = labelStudio.takeRequest();
        assertThat(page1.getUrl().encodedPath()).isEqualTo("/api/tasks");
        assertThat(page1.getUrl().queryParameter("project")).isEqualTo("3");
        assertThat(page1.getUrl().queryParameter("fields")).isEqualTo("all");
        assertThat(page2.getUrl().queryParameter("page")).isEqualTo("2");
        assertThat(page2.getHeaders().get("Authorization")).isEqualTo("Token " + TOKEN);
    }

    @Test
    void aLabelStudioThatKeepsFailingGivesUpAfterBoundedRetriesWithoutNamingTheToken() {
        labelStudio.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(503).body("token " + TOKEN + " rejected").build();
            }
        });

        assertThatThrownBy(() -> client.labeledTasks(connection(), 3))
                .isInstanceOf(LabelStudioUnavailableException.class)
                .hasMessageContaining("HTTP 503")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
        assertThat(labelStudio.getRequestCount()).as("export and task list, three tries each").isEqualTo(6);
    }

    @Test
    void anUnreachableLabelStudioIsReportedAfterTheRetriesWithoutTryingTheTaskList() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        LabelStudioConnection down = LabelStudioConnection.withToken(URI.create("http://127.0.0.1:" + closedPort), new Secret(TOKEN));

        assertThatThrownBy(() -> client.labeledTasks(down, 3))
                .isInstanceOf(LabelStudioUnavailableException.class)
                .hasMessageContaining("after 3 attempts")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("/api/tasks"));
    }

    private LabelStudioConnection connection() {
        return LabelStudioConnection.withToken(URI.create("http://127.0.0.1:" + labelStudio.getPort()), new Secret(TOKEN));
    }

    @Test
    void anExportIsHandedOnInBatchesWhileItIsStillArrivingNotReadWhole() throws Exception {
        String whole = MAPPER.writeValueAsString(export(0, LabelStudioClient.BATCH + 100, true));
        // The first batch and a little more, then the answer stalls until the test has seen that batch arrive.
        int cut = whole.length() * 9 / 10;
        CountDownLatch firstBatchSeen = new CountDownLatch(1);
        AtomicBoolean seenWhileOpen = new AtomicBoolean();
        labelStudio.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(new MockResponseBody() {
                    @Override
                    public long getContentLength() {
                        return -1;
                    }

                    @Override
                    public void writeTo(BufferedSink sink) throws IOException {
                        sink.writeUtf8(whole.substring(0, cut)).flush();
                        try {
                            seenWhileOpen.set(firstBatchSeen.await(10, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        sink.writeUtf8(whole.substring(cut)).flush();
                    }
                }).build());
        List<Integer> sizes = new CopyOnWriteArrayList<>();

        int handed = client.labeledTasks(connection(), 3, batch -> {
            sizes.add(batch.size());
            firstBatchSeen.countDown();
        });

        assertThat(sizes).as("batches handed on").containsExactly(LabelStudioClient.BATCH, 100);
        assertThat(handed).isEqualTo(LabelStudioClient.BATCH + 100);
        assertThat(seenWhileOpen).as("the first batch came while the answer was still open").isTrue();
    }

    private static ArrayNode export(int first, int count, boolean labelled) {
        ArrayNode tasks = MAPPER.createArrayNode();
        for (int i = first; i < first + count; i++) {
            tasks.add(task(1000 + i, labelled));
        }
        return tasks;
    }

    private static ObjectNode task(long id, boolean labelled) {
        ObjectNode task = MAPPER.valueToTree(Tasks.imageTask(id, "/data/upload/3/" + id + ".png"));
        ArrayNode annotations = task.putArray("annotations");
        if (labelled) {
            annotations.add(MAPPER.<ObjectNode>valueToTree(Annotations.choice(id + 10_000, id, "circle")));
        }
        return task;
    }

    private static MockResponse json(Object body) {
        try {
            return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                    .body(MAPPER.writeValueAsString(body)).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
