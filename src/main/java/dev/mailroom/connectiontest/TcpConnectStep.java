package dev.mailroom.connectiontest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

import dev.mailroom.transport.MailEndpoint;

/** Connects to the first address that answers, as mail clients do when a name has several (IPv6 and IPv4). */
final class TcpConnectStep implements Step<Probe> {

    @Override
    public ConnectionStep id() {
        return ConnectionStep.TCP_CONNECT;
    }

    @Override
    public Outcome run(Probe probe) {
        MailEndpoint c = probe.endpoint;
        List<String> failures = new ArrayList<>();
        boolean timedOut = false;
        boolean unreachable = false;
        for (InetAddress address : probe.addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, c.port()), (int) c.connectTimeout().toMillis());
                socket.setSoTimeout((int) c.readTimeout().toMillis());
                probe.socket = socket;
                return Outcome.passed("Connected to " + address.getHostAddress() + " port " + c.port(), null);
            } catch (SocketTimeoutException e) {
                timedOut = true;
                failures.add(address.getHostAddress() + ": no answer within " + c.connectTimeout().toSeconds() + " s");
            } catch (NoRouteToHostException e) {
                unreachable = true;
                failures.add(address.getHostAddress() + ": no route to host");
            } catch (ConnectException e) {
                failures.add(address.getHostAddress() + ": connection refused");
            } catch (IOException e) {
                failures.add(address.getHostAddress() + ": " + e.getMessage());
            } finally {
                if (probe.socket != socket) {
                    closeQuietly(socket);
                }
            }
        }
        String detail = "Could not connect to port " + c.port() + " of " + c.host() + " (" + String.join("; ", failures) + ")";
        String hint = timedOut ? Hints.connectTimedOut(c) : unreachable ? Hints.unreachable(c) : Hints.connectionRefused(c);
        return Outcome.failed(detail, null, hint);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // never connected
        }
    }
}
