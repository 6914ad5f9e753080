namespace ProtocolLab.Simulation;
