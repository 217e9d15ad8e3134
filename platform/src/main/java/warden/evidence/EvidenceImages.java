package warden.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import warden.common.InvalidValueException;
import warden.sanctions.EvidenceImage;

/**
 * Fetches an image given as evidence (a Discord attachment or its URL), refuses what is not a PNG, JPEG, GIF or WebP
 * (by its first bytes, whatever the server claims) or is too large, and returns its reference: URL, type, size and
 * SHA-256. The bytes are not kept: the hash proves later that a copy is the same picture.
 */
@Component
@EnableConfigurationProperties(EvidenceProperties.class)
public class EvidenceImages {

    private final EvidenceProperties properties;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    EvidenceImages(EvidenceProperties properties) {
        this.properties = properties;
    }

    public EvidenceImage fetch(String url) {
        URI uri = checked(url);
        HttpResponse<InputStream> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw InvalidValueException.forField(
                    "url", "error.evidence.unreachable", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw InvalidValueException.forField("url", "error.evidence.unreachable", "interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200)
                throw InvalidValueException.forField(
                        "url", "error.evidence.unreachable", "HTTP " + response.statusCode());
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, properties.maxBytes() + 1));
            if (bytes.length > properties.maxBytes()) {
                throw InvalidValueException.forField(
                        "url", "error.evidence.tooLarge", properties.maxBytes() / (1024 * 1024));
            }
            String type = sniff(bytes);
            if (type == null) throw InvalidValueException.forField("url", "error.evidence.notImage", uri.getPath());
            return new EvidenceImage(uri.toString(), type, bytes.length, sha256(bytes));
        } catch (IOException e) {
            throw InvalidValueException.forField(
                    "url", "error.evidence.unreachable", e.getClass().getSimpleName());
        }
    }

    private URI checked(String url) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidValueException.forField("url", "error.evidence.unreachable", String.valueOf(url));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean schemeOk = scheme.equals("https") || (properties.allowHttp() && scheme.equals("http"));
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!schemeOk || !properties.hosts().contains(host) || uri.getUserInfo() != null) {
            throw InvalidValueException.forField(
                    "url", "error.evidence.host", host.isEmpty() ? String.valueOf(url) : host);
        }
        return uri;
    }

    /** The image type its first bytes show, or null. */
    static String sniff(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "image/png";
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF)
            return "image/jpeg";
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') return "image/gif";
        if (b.length >= 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') return "image/webp";
        return null;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
