using System.Net;
using System.Net.Sockets;

namespace Planner.Storage.Tests;

/// <summary>A loopback TCP forwarder: makes a server "come back" on a port that was closed. Stops on dispose.</summary>
internal sealed class TcpForwarder : IDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly List<TcpClient> clients = [];

    public TcpForwarder(int port, string targetHost, int targetPort)
    {
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        _ = AcceptLoop(targetHost, targetPort);
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        lock (clients)
        {
            clients.ForEach(c => c.Dispose());
        }

        stop.Dispose();
    }

    private async Task AcceptLoop(string host, int port)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var outbound = new TcpClient();
            await outbound.ConnectAsync(host, port, stop.Token);
            lock (clients)
            {
                clients.Add(inbound);
                clients.Add(outbound);
            }

            _ = Pump(inbound.GetStream(), outbound.GetStream());
            _ = Pump(outbound.GetStream(), inbound.GetStream());
        }
    }

    private async Task Pump(NetworkStream from, NetworkStream to)
    {
        try
        {
            await from.CopyToAsync(to, stop.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }
}
