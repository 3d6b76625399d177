package dev.flywheel.backend.image;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;

/**
 * Records every connection attempt and refuses any that is not to loopback, so a broken guard makes a test
 * fail instead of touching the network.
 */
final class LoopbackOnlySocketFactory extends SocketFactory {

    final List<InetSocketAddress> attempts = new CopyOnWriteArrayList<>();

    List<InetSocketAddress> nonLoopbackAttempts() {
        return attempts.stream().filter(a -> a.getAddress() == null || !a.getAddress().isLoopbackAddress()).toList();
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                InetSocketAddress target = (InetSocketAddress) endpoint;
                attempts.add(target);
                if (target.getAddress() == null || !target.getAddress().isLoopbackAddress()) {
                    throw new IOException("test refused a connection to " + target);
                }
                super.connect(endpoint, timeout);
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw new UnsupportedOperationException();
    }
}
