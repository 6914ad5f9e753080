namespace ProtocolLab.Protocols;
