namespace ProtocolLab.Chain;
