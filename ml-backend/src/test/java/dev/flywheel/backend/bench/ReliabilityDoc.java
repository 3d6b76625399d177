package dev.flywheel.backend.bench;

/** The hand-written part of docs/RELIABILITY.md; the bench and the soak fill their own marked sections. */
final class ReliabilityDoc {

    static final String SKELETON = """
            # Flywheel reliability and security figures

            Generated sections are rewritten by the commands named in them; the rest is kept.

            ## Hostile input (CI: `-Dtest='Hostile*'`)
            - `HostileBodiesTest` (135 cases): 18 malformed bodies × /setup /predict /webhook /train (unclosed JSON, trailing
              garbage, null/array/number/string roots, 100k nested arrays and objects, a million-digit number, invalid UTF-8,
              lone surrogates, XML and form bodies) → 400; 29 wrong-type/missing-field bodies → 4xx naming the field in JSON
              terms; extra fields ignored; a 32 MiB + 1 KiB body → 413 ApiError; BOM accepted; UTF-16/32 → 4xx; 9 hostile
              label configs (external entity, parameter entity, billion laughs, XInclude, external DTD, 10k nesting, >1M chars)
              → 400/422 without reading a file; 25 hostile `/api/v1` paths and posts (NUL, traversal, bad ids, bad cursors)
              → 4xx ApiError. `/health` is probed after every case.
            - `HostileBodiesPropertiesTest` (jqwik): 400 random JSON documents built from Label Studio's field names with values
              of every type, and 150 random byte strings, per run → 2xx or 4xx ApiError, never 5xx.
            - `HostileImagesTest`: 30 references (file:, jar:, gopher:, ftp:, local-file traversal and a symlink out of the root,
              metadata/link-local literals incl. IPv4-mapped IPv6, metadata host names, redirects to metadata/file:/metadata
              names, redirect loop, truncated, non-image, HTML, pixel bomb over HTTP and as data: URI, upstream 500, 10k-char junk)
              in one /predict batch with a trained model → only those tasks empty; each through the image preview → 4xx
              (upstream 500 → 502); a server stalling 40 s → its task empty after the 30 s read timeout while /health answers.
            - Found and fixed: Jackson messages naming Java types in 400s; trailing JSON after the body accepted; 413 answered
              as plain text; Jetty's own 400s (e.g. `%00` in a path) answered as an HTML page; refused image references
              answered 502 instead of 4xx.

            ## Auth and secrets (CI: `SecretsStayOutOfLogsTest`, `BasicAuthTest`)
            A full run with LABEL_STUDIO_API_KEY and basic auth (setup with an access token, 13 webhooks, training that
            downloads images with the token, predict incl. a URL carrying the token in its query, refused credentials, errors)
            is captured with a Logback ListAppender at DEBUG for `dev.flywheel`: zero hits for the token, the password, the
            setup token or the encoded Basic header, in the log or in any body.

            ## Load behaviour (CI: `PredictLoadTest`, `WebhookBurstTest`)
            Functional assertions only; figures below come from the bench.
            """;

    private ReliabilityDoc() {}
}
