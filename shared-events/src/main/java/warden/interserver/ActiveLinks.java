package warden.interserver;

import java.util.List;

public record ActiveLinks(List<ActiveLink> links) {}
