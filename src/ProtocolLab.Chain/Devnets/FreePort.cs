using System.Net;
using System.Net.Sockets;

namespace ProtocolLab.Chain.Devnets;

/// <summary>
/// Picks a free TCP port on 127.0.0.1 by binding port 0 and releasing it. Another process may take
/// the port before the node binds it, so starters retry with a new port when the bind fails.
/// </summary>
public static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
