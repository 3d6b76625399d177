package dev.flywheel.backend.image;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Dns;

/** Name resolution from a fixed table, recording every name asked; unknown names do not resolve. */
final class FakeDns implements Dns {

    private final Map<String, InetAddress> table = new ConcurrentHashMap<>();
    final List<String> lookups = new CopyOnWriteArrayList<>();

    FakeDns map(String host, String address) {
        try {
            table.put(host, InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        lookups.add(hostname);
        InetAddress address = table.get(hostname);
        if (address == null) {
            throw new UnknownHostException(hostname + " is not in the fake DNS table");
        }
        return List.of(address);
    }
}
