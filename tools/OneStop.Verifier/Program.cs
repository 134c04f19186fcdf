using OneStop.Verifier;

return VerifierCli.Run(args, Console.Out);
