package warden.automod;

import java.util.List;

/** One automod module, compiled from its settings; adds its violations of a message to {@code out}. */
interface Detector {
    AutomodModule module();

    ModuleSettings settings();

    void detect(MessageScan scan, long policyVersion, List<Violation> out);
}
