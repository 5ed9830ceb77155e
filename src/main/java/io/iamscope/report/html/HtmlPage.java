package io.iamscope.report.html;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * Writes one self-contained HTML page: a Mustache template of src/main/resources/io/iamscope/report/html/ that
 * extends {@code page.mustache} (the shared layout), with the page's styles and script inline and nothing
 * fetched (a Content-Security-Policy allows only those two, by their digests). Mustache escapes every value for
 * HTML unless a template asks otherwise, which only the styles and script do: names, tags and descriptions
 * come from a snapshot, which anyone who can tag a resource writes into.
 */
public final class HtmlPage {
    private static final String ROOT = "io/iamscope/report/html";
    private static final MustacheFactory TEMPLATES = new DefaultMustacheFactory(ROOT) {
        /**
         * The five characters that end text or a quoted attribute value ({@code & < > " '}), as OWASP's rule for
         * HTML content and quoted attributes says. Mustache's default also escapes {@code =} and {@code `}
         * (which matter only in unquoted attributes, which no template writes), and made the golden pages hard
         * to read ({@code &#96;name&#96;}).
         */
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(escape(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    private static final Assets ASSETS = new Assets(resource("page.css"), resource("page.js"));

    private HtmlPage() {
    }

    /**
     * The page's styles and script, and the policy that lets only them run.
     *
     * @param csp the Content-Security-Policy of the page
     */
    record Assets(String css, String js, String csp) {
        Assets(String css, String js) {
            this(css, js, "default-src 'none'; style-src '" + digest(css) + "'; script-src '" + digest(js)
                    + "'; img-src data:");
        }
    }

    /**
     * Renders template {@code name} ({@code name.mustache}) with {@code view}, which must give the page's
     * {@code title}.
     */
    public static void render(String name, Object view, PrintWriter out) {
        Mustache template = TEMPLATES.compile(name + ".mustache");
        template.execute(out, List.of(ASSETS, view));
        out.flush();
    }

    /** {@code value} as HTML text or a quoted attribute's value. */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getClassLoader().getResourceAsStream(ROOT + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ROOT + "/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSP source for inline text: {@code sha256-BASE64} of its UTF-8 bytes. */
    static String digest(String inline) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(inline.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
