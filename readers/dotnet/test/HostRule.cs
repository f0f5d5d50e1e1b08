// Runs the pure parts of WawiKey.cs and WawiServiceKey.cs (compiled with mcs -langversion:5 on Linux, or any C#
// compiler): one line per input, tab-separated, for test/integration/reader-dotnet.test.ts to compare
// with the helper. Windows-only parts (Credential Manager) are run by the Windows CI job.
using System;
using WawiRegistrationKey;

public static class HostRuleCheck
{
    public static int Main(string[] args)
    {
        string line;
        while ((line = Console.In.ReadLine()) != null)
        {
            var parts = line.Split('\t');
            switch (parts[0])
            {
                case "account":
                    Console.WriteLine(WawiKey.AccountFor(parts[1], parts[2]));
                    break;
                case "parse":
                    var r = WawiKey.ParseAccount(parts[1]);
                    Console.WriteLine(r == null ? "null" : r.AppId + "\t" + r.Instance + "\t" + r.Host + "\t" + r.Port + "\t" + r.Database);
                    break;
                case "key":
                    Console.WriteLine(WawiKey.KeyFingerprint(parts[1]));
                    break;
                case "connection":
                    var reg = new WawiRegistration();
                    WawiKey.ApplyConnection(reg, parts[1]);
                    Console.WriteLine((reg.BaseUrl ?? "null") + "\t" + (reg.CertificatePin ?? "null") + "\t" + reg.InsecureHttp);
                    break;
                case "filename":
                    var name = WawiServiceKey.FileName(parts[1]);
                    Console.WriteLine(name + "\t" + Uri.UnescapeDataString(name.Substring(0, name.Length - 4)));
                    break;
                case "service":
                    // Finds and parses a service's key file; unprotecting it (DPAPI) needs Windows.
                    WawiServiceKey.Folder = parts[1];
                    try
                    {
                        WawiServiceKey.Read(parts[2], null, parts.Length > 3 ? parts[3] : null);
                        Console.WriteLine("read");
                    }
                    catch (WawiKeyException e)
                    {
                        Console.WriteLine(e.Error);
                    }
                    catch (DllNotFoundException)
                    {
                        Console.WriteLine("dpapi");
                    }
                    catch (EntryPointNotFoundException)
                    {
                        Console.WriteLine("dpapi");
                    }
                    break;
                default:
                    Console.Error.WriteLine("unknown: " + parts[0]);
                    return 2;
            }
        }
        return 0;
    }
}
