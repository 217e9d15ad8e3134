package warden.sanctions;

/**
 * An image kept as evidence: where it was fetched, what it is, and its SHA-256 (hex), which names it and proves later
 * that a copy is the same picture.
 */
public record EvidenceImage(String url, String contentType, long size, String sha256) {}
