package warden.common;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import warden.sanctions.InfractionRecordedUpcaster;

import java.util.List;

/**
 * Every upcaster of Warden's events, oldest change first. An event whose shape changes gets a new
 * {@code @Revision} and an upcaster here that reads the previous revisions as the new one, so history that was valid
 * when written stays loadable for ever. (Events stored without a revision are revision 1.)
 */
public final class Upcasters {
    private Upcasters() {
    }

    public static List<EventUpcaster> all() {
        return List.of(new InfractionRecordedUpcaster());
    }
}
