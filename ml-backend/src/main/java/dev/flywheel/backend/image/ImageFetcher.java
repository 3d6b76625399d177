package dev.flywheel.backend.image;

import static dev.flywheel.backend.image.ImageFetchException.Kind.NOT_AN_IMAGE;
import static dev.flywheel.backend.image.ImageFetchException.Kind.NOT_CONFIGURED;

import dev.flywheel.model.json.FlywheelJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the image a Label Studio task refers to and decodes it, within {@link FetchLimits}.
 *
 * <p>Reads {@code data:} URIs, Label Studio uploads ({@code /data/upload/…}, {@code upload/…}), local-storage
 * files ({@code /data/local-files/?d=…}, from disk when the root is mounted), cloud URIs through Label Studio's
 * presign endpoint, other Label Studio paths and absolute http(s) URLs. Downloads are cached on disk.
 * Thread-safe; one instance serves the whole backend and is closed with it.
 */
public final class ImageFetcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFetcher.class);

    private final FetchLimits limits;
    private final LocalFiles localFiles;
    private final ImageCache cache;
    private final OkHttpClient client;
    private final HttpDownloader http;
    private final LabelStudioRequests labelStudioRequests;
    private final ImageDecoder decoder;

    /**
     * A fetcher with every collaborator given.
     *
     * @param limits size, pixel, time and redirect bounds
     * @param localFilesRoot Label Studio's {@code LOCAL_FILES_DOCUMENT_ROOT} as mounted here, if it is
     * @param cache where downloads are kept
     * @param baseClient an OkHttp client to derive from (shares its pool; tests pass one with a recording socket factory)
     * @param resolver name resolution; every answer passes the link-local/metadata guard
     * @param clock for token expiry
     */
    ImageFetcher(FetchLimits limits, Optional<Path> localFilesRoot, ImageCache cache,
            OkHttpClient baseClient, Dns resolver, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.localFiles = new LocalFiles(localFilesRoot);
        this.cache = Objects.requireNonNull(cache, "cache");
        AddressGuard guard = new AddressGuard(resolver);
        this.client = baseClient.newBuilder()
                .dns(guard)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(limits.connectTimeout())
                .readTimeout(limits.readTimeout())
                .callTimeout(limits.callTimeout())
                .build();
        LabelStudioAuth auth = new LabelStudioAuth(client, guard, FlywheelJson.newMapper(), clock);
        this.http = new HttpDownloader(client, guard, auth, limits);
        this.labelStudioRequests = new LabelStudioRequests(http);
        this.decoder = new ImageDecoder(limits);
    }

    /** A production fetcher: system DNS, system clock, a disk cache of {@link ImageCache#DEFAULT_MAX_BYTES} in {@code cacheDir}. */
    public static ImageFetcher create(FetchLimits limits, Optional<Path> localFilesRoot, Path cacheDir) {
        Clock clock = Clock.systemUTC();
        return new ImageFetcher(limits, localFilesRoot, new ImageCache(cacheDir, ImageCache.DEFAULT_MAX_BYTES, clock),
                new OkHttpClient(), Dns.SYSTEM, clock);
    }

    /**
     * Fetches and decodes the image {@code reference} points to.
     *
     * @param reference the value of the task's image field, e.g. {@code /data/upload/3/a.jpg}
     * @param taskIdOrNull the task's id, needed only for cloud URIs ({@code s3://}, {@code gs://}, {@code azure-blob://})
     * @param labelStudio where Label Studio is, or null when unknown (then only absolute URLs, {@code data:} and
     *     mounted local files work)
     * @throws ImageFetchException with a {@link ImageFetchException.Kind} saying why
     */
    public FetchedImage fetch(String reference, Long taskIdOrNull, LabelStudioConnection labelStudio) {
        Objects.requireNonNull(reference, "reference");
        ImageReference parsed = ImageReference.parse(reference);
        String what = Redaction.describe(reference);
        return switch (parsed) {
            case ImageReference.Inline inline -> decoder.decode(decodeBase64(inline.base64()), what);
            case ImageReference.LocalFile file -> localFiles.find(file.relativePath())
                    .map(path -> decoder.decode(LocalFiles.read(path, limits.maxBytes()), what))
                    .orElseGet(() -> cached(labelStudio, file.dataPath(), what,
                            () -> http.get(require(labelStudio, what).url(file.dataPath()), labelStudio)));
            case ImageReference.Upload upload -> cached(labelStudio, upload.dataPath(), what,
                    () -> upload(upload, require(labelStudio, what)));
            case ImageReference.Cloud cloud -> cached(labelStudio, cloud.uri(), what,
                    () -> http.get(presignUrl(cloud, taskIdOrNull, require(labelStudio, what)), labelStudio));
            case ImageReference.LabelStudioPath path -> cached(labelStudio, path.pathAndQuery(), what,
                    () -> http.get(require(labelStudio, what).url(path.pathAndQuery()), labelStudio));
            case ImageReference.Absolute absolute -> cached(null, absolute.url().toString(), what,
                    () -> http.get(absolute.url(), labelStudio));
        };
    }

    /** Requests to Label Studio's API over this fetcher's client, address guard and token handling. */
    public LabelStudioRequests labelStudioRequests() {
        return labelStudioRequests;
    }

    /** Newest Label Studio serves uploads from storage-data; older ones only from /data/upload. */
    private byte[] upload(ImageReference.Upload upload, LabelStudioConnection labelStudio) {
        HttpUrl storageData = labelStudio.url("/storage-data/uploaded/").newBuilder()
                .addQueryParameter("filepath", upload.filepath())
                .build();
        try {
            return http.get(storageData, labelStudio);
        } catch (ImageFetchException e) {
            if (!e.kind().isHttpStatus()) {
                throw e;
            }
            return http.get(labelStudio.url(upload.dataPath()), labelStudio);
        }
    }

    private static HttpUrl presignUrl(ImageReference.Cloud cloud, Long taskId, LabelStudioConnection labelStudio) {
        if (taskId == null) {
            throw new ImageFetchException(NOT_CONFIGURED, "a cloud-storage reference needs the task id for Label Studio's presign endpoint");
        }
        String fileUri = Base64.getUrlEncoder().encodeToString(cloud.uri().getBytes(StandardCharsets.UTF_8));
        return labelStudio.url("/tasks/" + taskId + "/presign/").newBuilder()
                .addQueryParameter("fileuri", fileUri)
                .build();
    }

    /**
     * The decoded image, from the cache or downloaded. The cache holds only images: bytes are stored after they
     * decoded (a login page, an error body or a truncated download never is), and a cached file that no longer decodes
     * (damaged on disk) is dropped and fetched again.
     */
    private FetchedImage cached(LabelStudioConnection labelStudio, String reference, String what, Supplier<byte[]> download) {
        // Keyed by where the bytes come from, never by the token: a new token must not empty the cache.
        String key = (labelStudio == null ? "" : labelStudio.baseUrl() + "|") + reference;
        Optional<byte[]> hit = cache.get(key);
        if (hit.isPresent()) {
            try {
                return decoder.decode(hit.get(), what);
            } catch (ImageFetchException damaged) {
                LOG.warn("the cached copy of {} no longer decodes ({}); dropped, fetching it again", what, damaged.kind());
                cache.remove(key);
            }
        }
        byte[] bytes = download.get();
        FetchedImage image = decoder.decode(bytes, what);
        cache.put(key, bytes);
        return image;
    }

    private byte[] decodeBase64(String base64) {
        String compact = base64.replaceAll("\\s+", "");
        if (compact.length() / 4L * 3 > limits.maxBytes()) {
            throw BoundedRead.tooLarge("a data: URI", limits.maxBytes());
        }
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new ImageFetchException(NOT_AN_IMAGE, "a data: URI is not valid base64");
        }
    }

    private static LabelStudioConnection require(LabelStudioConnection labelStudio, String what) {
        if (labelStudio == null) {
            throw new ImageFetchException(NOT_CONFIGURED, "fetching " + what + " needs Label Studio's URL: set LABEL_STUDIO_URL"
                    + " or connect the backend from Label Studio so /setup sends it");
        }
        return labelStudio;
    }

    /** Releases the HTTP client's threads and pooled connections. */
    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
