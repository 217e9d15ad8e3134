package warden.common;

import java.util.List;
import java.util.ServiceLoader;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * Every upcaster of Warden's events. An event whose shape changes gets a new {@code @Revision} and an upcaster that
 * reads the previous revisions as the new one, so history that was valid when written stays loadable for ever
 * (events stored without a revision are revision 1). Each feature lists its own upcasters in
 * {@code META-INF/services/org.axonframework.serialization.upcasting.event.EventUpcaster}; they are applied in the
 * order found, each to its own event type only.
 */
public final class Upcasters {
    private Upcasters() {}

    public static List<EventUpcaster> all() {
        return ServiceLoader.load(EventUpcaster.class, Upcasters.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }
}
