package app.attune.api;

import app.attune.config.AttuneConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Answers a body over attune.max-body-size with 413 problem+json. A declared Content-Length is
 * checked before the body is read; a chunked body is counted as it is read. The transport's own
 * limit (quarkus.http.limits.max-body-size) sits higher and would answer with an empty body.
 */
@ApplicationScoped
@Provider
public class BodySizeLimit implements ReaderInterceptor {

    private final long maxBytes;
    private final String problem;

    BodySizeLimit(ObjectMapper mapper, AttuneConfig config)
            throws JsonProcessingException {
        MemorySize maxBodySize = config.maxBodySize();
        this.maxBytes = maxBodySize.asLongValue();
        this.problem = mapper.writeValueAsString(ProblemType.PAYLOAD_TOO_LARGE.problem(
                "The body is larger than this service accepts (" + maxBytes + " bytes)"));
    }

    void install(@Observes Router router) {
        // Right after RequestTrace, so that a refusal here still carries its request id.
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
        router.errorHandler(413, this::refuse);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && tooLong(length)) {
            refuse(context);
        } else {
            context.next();
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new CountingStream(context.getInputStream()));
        return context.proceed();
    }

    /** The refusal of a chunked body found too large while it was read. */
    public static final class TooLarge extends IOException {

        TooLarge() {
            super("body too large");
        }
    }

    private final class CountingStream extends FilterInputStream {

        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws TooLarge {
            count += n;
            if (count > maxBytes) {
                throw new TooLarge();
            }
        }
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // HTTP itself refuses a malformed length
        }
    }

    private void refuse(RoutingContext context) {
        if (context.response().ended()) {
            return;
        }
        context.response().setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(problem);
    }
}
