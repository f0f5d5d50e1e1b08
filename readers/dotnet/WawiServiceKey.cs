// WawiServiceKey: for an app that runs as a Windows service (its manifest names a ServiceAccount). Such
// a process cannot read the merchant's Credential Manager, so the Wawi Registration Helper also keeps the
// key in %ProgramData%\Wawi Registration Helper\keys\<account>.key: JSON with the server's address and
// pin, the key protected with DPAPI (LocalMachine, the service account's name as entropy); only that
// account, SYSTEM and Administrators may read the file. C# 5 and up, netstandard2.0. Never log the key.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;

namespace WawiRegistrationKey
{
    public static class WawiServiceKey
    {
        /// <summary>%ProgramData%\Wawi Registration Helper\keys (override only in tests).</summary>
        public static string Folder = Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData),
            "Wawi Registration Helper", "keys");

        /// <summary>The file of an account: every byte but letters, digits and . _ - @ # as %XX (UTF-8), then .key.</summary>
        public static string FileName(string account)
        {
            var name = new StringBuilder();
            foreach (var b in Encoding.UTF8.GetBytes(account))
            {
                var c = (char)b;
                var plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || ".-_@#".IndexOf(c) >= 0;
                if (plain) name.Append(c);
                else name.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            return name.Append(".key").ToString();
        }

        /// <summary>The one copy of appId's key for this service (for a Mandant, a server, an instance), or WawiKeyException.</summary>
        public static WawiRegistration Read(string appId, string database = null, string address = null, int instance = 1)
        {
            var server = address != null ? WawiKey.AccountFor(appId, address).Substring(appId.Length) : null;
            var found = new List<WawiRegistration>();
            string[] files;
            try
            {
                files = Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*.key") : new string[0];
            }
            catch (UnauthorizedAccessException)
            {
                throw Denied(Folder);
            }
            foreach (var path in files)
            {
                var account = Uri.UnescapeDataString(Path.GetFileNameWithoutExtension(path));
                var r = WawiKey.ParseAccount(account);
                if (r == null || r.AppId != appId || r.Instance != instance) continue;
                if (database != null && !string.Equals(r.Database, database, StringComparison.OrdinalIgnoreCase)) continue;
                if (server != null && !r.Account.EndsWith(server, StringComparison.Ordinal)) continue;
                found.Add(r);
            }
            if (found.Count == 0)
                throw new WawiKeyException(WawiKeyError.NotRegistered, "No key for " + appId + " was kept for a service on this computer (" + Folder + "): register the app with the Wawi Registration Helper on this PC; its manifest must name the ServiceAccount this service runs as.");
            if (found.Count > 1)
            {
                var names = new List<string>();
                foreach (var r in found) names.Add(r.Account);
                throw new WawiKeyException(WawiKeyError.SeveralRegistrations, appId + " is registered " + found.Count + " times for services on this computer (" + string.Join(", ", names) + "): say which with database or address.");
            }
            return ReadFile(found[0]);
        }

        [DataContract]
        private sealed class KeyFile
        {
            [DataMember(Name = "v")] public int Version = 0;
            [DataMember(Name = "account")] public string Account = null;
            [DataMember(Name = "baseUrl")] public string BaseUrl = null;
            [DataMember(Name = "certificatePin")] public string CertificatePin = null;
            [DataMember(Name = "insecureHttp")] public bool InsecureHttp = false;
            [DataMember(Name = "serviceAccount")] public string ServiceAccount = null;
            [DataMember(Name = "protectedKey")] public string ProtectedKey = null;
        }

        private static WawiRegistration ReadFile(WawiRegistration r)
        {
            var path = Path.Combine(Folder, FileName(r.Account));
            KeyFile file;
            try
            {
                using (var stream = File.OpenRead(path))
                    file = (KeyFile)new DataContractJsonSerializer(typeof(KeyFile)).ReadObject(stream);
            }
            catch (UnauthorizedAccessException)
            {
                throw Denied(path);
            }
            catch (SerializationException)
            {
                throw new WawiKeyException(WawiKeyError.VaultError, path + " is not a key file of the Wawi Registration Helper: open the helper and check the registration.");
            }
            if (file.Version != 1 || file.Account != r.Account || file.ProtectedKey == null || file.ServiceAccount == null)
                throw new WawiKeyException(WawiKeyError.VaultError, path + " is not a key file of this version: update the reader, or check the registration in the helper.");
            r.Key = Dpapi.Unprotect(Convert.FromBase64String(file.ProtectedKey), Encoding.UTF8.GetBytes(file.ServiceAccount));
            r.KeyFingerprint = WawiKey.KeyFingerprint(r.Key);
            r.BaseUrl = file.BaseUrl;
            r.CertificatePin = file.CertificatePin;
            r.InsecureHttp = file.InsecureHttp;
            return r;
        }

        private static WawiKeyException Denied(string path)
        {
            return new WawiKeyException(WawiKeyError.AccessDenied, "This process's Windows account may not read " + path + ": the key is kept for the ServiceAccount the app's manifest names. Run the service as that account, or register again with a manifest naming the account it runs as.", 5);
        }
    }

    /// <summary>DPAPI through crypt32 (no package needed): unprotects what the helper protected.</summary>
    internal static class Dpapi
    {
        private const int CRYPTPROTECT_UI_FORBIDDEN = 0x1;

        [StructLayout(LayoutKind.Sequential)]
        private struct DATA_BLOB
        {
            public int cbData;
            public IntPtr pbData;
        }

        [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern bool CryptUnprotectData(ref DATA_BLOB dataIn, IntPtr description, ref DATA_BLOB entropy, IntPtr reserved, IntPtr prompt, int flags, ref DATA_BLOB dataOut);

        [DllImport("kernel32.dll")]
        private static extern IntPtr LocalFree(IntPtr memory);

        public static string Unprotect(byte[] data, byte[] entropy)
        {
            var input = Pin(data);
            var salt = Pin(entropy);
            var output = new DATA_BLOB();
            try
            {
                if (!CryptUnprotectData(ref input, IntPtr.Zero, ref salt, IntPtr.Zero, IntPtr.Zero, CRYPTPROTECT_UI_FORBIDDEN, ref output))
                    throw new WawiKeyException(WawiKeyError.VaultError, "The key could not be unprotected (DPAPI): the file was written on another computer or for another account. Register the app again on this PC.", Marshal.GetLastWin32Error());
                var plain = new byte[output.cbData];
                Marshal.Copy(output.pbData, plain, 0, output.cbData);
                var key = Encoding.UTF8.GetString(plain);
                Array.Clear(plain, 0, plain.Length);
                return key;
            }
            finally
            {
                Marshal.FreeHGlobal(input.pbData);
                Marshal.FreeHGlobal(salt.pbData);
                if (output.pbData != IntPtr.Zero) LocalFree(output.pbData);
            }
        }

        private static DATA_BLOB Pin(byte[] bytes)
        {
            var blob = new DATA_BLOB { cbData = bytes.Length, pbData = Marshal.AllocHGlobal(Math.Max(bytes.Length, 1)) };
            Marshal.Copy(bytes, 0, blob.pbData, bytes.Length);
            return blob;
        }
    }
}
