package warden.evidence;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where evidence images may be fetched from. Warden downloads each image to hash it, so the hosts are a closed list
 * (Discord's CDN by default): a moderator cannot make the server fetch an arbitrary address.
 *
 * @param hosts     hosts images are fetched from
 * @param maxBytes  the largest image accepted
 * @param allowHttp accept plain http (tests against the fake Discord only)
 */
@ConfigurationProperties("warden.evidence")
public record EvidenceProperties(List<String> hosts, Long maxBytes, boolean allowHttp) {

    public EvidenceProperties {
        if (hosts == null || hosts.isEmpty()) hosts = List.of("cdn.discordapp.com", "media.discordapp.net");
        if (maxBytes == null) maxBytes = 8L * 1024 * 1024;
    }
}
