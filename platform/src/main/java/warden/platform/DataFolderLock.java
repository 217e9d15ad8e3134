package warden.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One Warden per data folder. The operating system's lock on {@code warden.lock} is held for as long as the Warden
 * that took it lives and is let go when it ends in any way (SIGKILL and a crash included), so a second start on the
 * folder learns that a live Warden uses it, refuses, and touches nothing: not the PostgreSQL that Warden runs (which
 * would otherwise look like one left running by a crash, and be stopped), not the data. Taken before anything else
 * looks at the folder.
 */
public final class DataFolderLock implements AutoCloseable {

    static final String FILE = "warden.lock";

    /** A live Warden holds the folder; the message names it and says what to do. */
    public static final class Held extends IllegalStateException {
        Held(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder, or throws {@link Held} when a live Warden (in this process or another) has it. */
    public static DataFolderLock take(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE);
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            throw new Held("Another Warden is running on " + dataDir.toAbsolutePath()
                    + (holder.isEmpty() ? "" : " (" + holder + ")") + ".");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since " + Instant.now())
                .getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
        return new DataFolderLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
