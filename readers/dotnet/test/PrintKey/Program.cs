// PrintKey keychain|service <appId> <address> [folder]: reads a registration as a vendor's app would
// (Credential Manager, or a service's key file) and prints "<fingerprint> <baseUrl>", or the error's code.
using System;
using WawiRegistrationKey;

public static class PrintKey
{
    public static int Main(string[] args)
    {
        try
        {
            if (args.Length > 3) WawiServiceKey.Folder = args[3];
            var r = args[0] == "service" ? WawiServiceKey.Read(args[1], null, args[2]) : WawiKey.Read(args[1], null, args[2]);
            Console.WriteLine(r.KeyFingerprint + " " + r.BaseUrl);
            return 0;
        }
        catch (WawiKeyException e)
        {
            Console.WriteLine(e.Error);
            return 1;
        }
    }
}
