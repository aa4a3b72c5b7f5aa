package org.lancang.web.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.servlet.JavalinServletContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * The request size limit for bodies sent without a length (chunked). Javalin refuses a body larger than its limit only
 * by its Content-Length, so a chunked body of any size was read whole into memory; this counts the bytes as they are
 * read and refuses the request (413, field {@code body}) at the first byte past the limit.
 */
public final class BodyLimit {
    private BodyLimit() {}

    /** Before any handler reads the body of this request. */
    public static void apply(Context ctx, long max) {
        if (ctx.req().getContentLengthLong() < 0 && ctx instanceof JavalinServletContext servlet) {
            servlet.changeBaseRequest(new Limited(ctx.req(), max));
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream in;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                in = new Counted(super.getInputStream(), max);
            }
            return in;
        }
    }

    private static final class Counted extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        Counted(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new HttpResponseException(413, "Content Too Large");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
