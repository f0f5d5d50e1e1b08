// WawiRegistrationKey: reads what the Wawi Registration Helper stored for a vendor's app in Windows
// Credential Manager: the API key (generic credential "JTL-Wawi API key/<account>", UTF-8 bytes), how to
// reach the server ("JTL-Wawi server connection/<account>", JSON) and the headers JTL-Wawi expects.
// C# 7.3, netstandard2.0. Never log the key.
using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Security;
using System.Runtime.InteropServices;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace WawiRegistrationKey
{
    public enum WawiKeyError
    {
        /// <summary>No key for this app (and Mandant or server) on this computer: launch the helper with --action register.</summary>
        NotRegistered,
        /// <summary>More than one: say which with the database (Mandant), the address or the instance.</summary>
        SeveralRegistrations,
        /// <summary>Credential Manager could not be read (not the same as "not registered"); Win32Error says why.</summary>
        VaultError,
        /// <summary>How to reach the server is not confirmed: open the helper and check the registration.</summary>
        ConnectionUnknown,
        /// <summary>A service's key file (WawiServiceKey) is for another account than this process's.</summary>
        AccessDenied,
    }

    public sealed class WawiKeyException : Exception
    {
        public WawiKeyException(WawiKeyError error, string message, int win32Error = 0)
            : base(message, win32Error != 0 ? new Win32Exception(win32Error) : null)
        {
            Error = error;
            Win32Error = win32Error;
        }

        public WawiKeyError Error { get; private set; }
        public int Win32Error { get; private set; }
    }

    /// <summary>A registration the helper stored: the key and how to reach its server.</summary>
    public sealed class WawiRegistration
    {
        public string Account { get; internal set; }
        public string AppId { get; internal set; }
        /// <summary>1 for the first instance; 2, 3, … for further instances of a MultiInstance app.</summary>
        public int Instance { get; internal set; }
        public string Host { get; internal set; }
        public int Port { get; internal set; }
        /// <summary>The Mandant as the API path names it (its database).</summary>
        public string Database { get; internal set; }
        /// <summary>The API key. Never log it.</summary>
        public string Key { get; internal set; }
        /// <summary>First 8 hex digits of the key's SHA-256 (the helper's result file shows the same).</summary>
        public string KeyFingerprint { get; internal set; }
        /// <summary>e.g. https://wawi-server:64110/api/eazybusiness; null when not confirmed.</summary>
        public string BaseUrl { get; internal set; }
        /// <summary>SHA-256 fingerprint ("AB:CD:…") of the only certificate to accept; null: Windows must trust it.</summary>
        public string CertificatePin { get; internal set; }
        public bool InsecureHttp { get; internal set; }

        /// <summary>
        /// An HttpClient for this server: base address, the three headers (send your app's current version:
        /// without x-appversion Wawi answers 400) and, with a pin, exactly that certificate accepted
        /// (.NET Framework 4.7.1 or newer, or .NET Core / .NET).
        /// </summary>
        public HttpClient CreateHttpClient(string appVersion)
        {
            if (string.IsNullOrEmpty(appVersion)) throw new ArgumentException("the Version of your app (x.y.z)", "appVersion");
            if (BaseUrl == null) throw new WawiKeyException(WawiKeyError.ConnectionUnknown, "How to reach the server of " + Account + " is not confirmed: open the Wawi Registration Helper and check the registration.");
            var handler = new HttpClientHandler();
            if (CertificatePin != null)
            {
                var pin = CertificatePin;
                handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) =>
                    cert != null && string.Equals(WawiKey.CertificateFingerprint(cert.RawData), pin, StringComparison.OrdinalIgnoreCase);
            }
            var client = new HttpClient(handler) { BaseAddress = new Uri(BaseUrl.TrimEnd('/') + "/") };
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Wawi " + Key);
            client.DefaultRequestHeaders.Add("x-appid", AppId);
            client.DefaultRequestHeaders.Add("x-appversion", appVersion);
            return client;
        }
    }

    public static class WawiKey
    {
        public const string KeyService = "JTL-Wawi API key";
        public const string ConnectionService = "JTL-Wawi server connection";

        /// <summary>The keychain account of an app at a server, with the helper's host rule.</summary>
        public static string AccountFor(string appId, string address)
        {
            var text = (address ?? "").Trim();
            var hasScheme = Regex.IsMatch(text, @"^[a-z][a-z0-9+.-]*://", RegexOptions.IgnoreCase);
            var uri = new Uri(hasScheme ? text : "http://" + text);
            var typed = hasScheme ? null : Regex.Match(text, @"^(?:\[[^\]]*\]|[^/:]*):(\d+)(?:/|$)");
            int port;
            if (typed != null && typed.Success) port = int.Parse(typed.Groups[1].Value, CultureInfo.InvariantCulture);
            else if (!uri.IsDefaultPort) port = uri.Port;
            else if (hasScheme) port = uri.Scheme == "https" ? 443 : 80;
            else port = 5883;
            var host = uri.Host.ToLowerInvariant().TrimEnd('.');
            if (host.Contains(":") && !host.StartsWith("[", StringComparison.Ordinal)) host = "[" + host + "]";
            if (Regex.IsMatch(host, @"^(localhost|127(\.\d{1,3}){3}|\[::1\])$")) host = "127.0.0.1";
            var segments = uri.AbsolutePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            var database = segments.Length > 1 ? Uri.UnescapeDataString(segments[1]).ToLowerInvariant() : "eazybusiness";
            return appId + "@" + host + ":" + port.ToString(CultureInfo.InvariantCulture) + "/" + database;
        }

        /// <summary>An account split into its parts, or null when it is not one of the helper's.</summary>
        public static WawiRegistration ParseAccount(string account)
        {
            var m = Regex.Match(account ?? "", @"^(.+?)(?:#(\d+))?@(\[[0-9a-fA-F:.]+\]|[^:@/]+):(\d+)/([^/]+)$");
            if (!m.Success) return null;
            return new WawiRegistration
            {
                Account = account,
                AppId = m.Groups[1].Value,
                Instance = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 1,
                Host = m.Groups[3].Value,
                Port = int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture),
                Database = m.Groups[5].Value,
            };
        }

        /// <summary>First 8 hex digits of the SHA-256 of the key's UTF-8 bytes.</summary>
        public static string KeyFingerprint(string key)
        {
            using (var sha = SHA256.Create())
                return Hex(sha.ComputeHash(Encoding.UTF8.GetBytes(key)), "").Substring(0, 8).ToLowerInvariant();
        }

        /// <summary>A certificate's SHA-256 fingerprint as the helper writes it: "AB:CD:…".</summary>
        public static string CertificateFingerprint(byte[] rawCertificate)
        {
            using (var sha = SHA256.Create()) return Hex(sha.ComputeHash(rawCertificate), ":");
        }

        private static string Hex(byte[] bytes, string separator)
        {
            var parts = new string[bytes.Length];
            for (var i = 0; i < bytes.Length; i++) parts[i] = bytes[i].ToString("X2", CultureInfo.InvariantCulture);
            return string.Join(separator, parts);
        }

        /// <summary>Every registration of appId on this computer (all servers, all instances).</summary>
        public static List<WawiRegistration> FindRegistrations(string appId, string database = null, string address = null)
        {
            var server = address != null ? AccountFor(appId, address).Substring(appId.Length) : null;
            var found = new List<WawiRegistration>();
            foreach (var credential in Credentials.Enumerate(KeyService + "/" + appId + "*"))
            {
                var r = ParseAccount(credential.Key.Substring(KeyService.Length + 1));
                if (r == null || r.AppId != appId) continue;
                if (database != null && !string.Equals(r.Database, database, StringComparison.OrdinalIgnoreCase)) continue;
                if (server != null && !r.Account.EndsWith(server, StringComparison.Ordinal)) continue;
                r.Key = credential.Value;
                r.KeyFingerprint = KeyFingerprint(credential.Value);
                ApplyConnection(r, Credentials.Read(ConnectionService + "/" + r.Account));
                found.Add(r);
            }
            found.Sort((a, b) => string.CompareOrdinal(a.Account, b.Account));
            return found;
        }

        /// <summary>The one registration of appId (for a Mandant, a server, an instance), or WawiKeyException.</summary>
        public static WawiRegistration Read(string appId, string database = null, string address = null, int instance = 1)
        {
            var all = FindRegistrations(appId, database, address).FindAll(r => r.Instance == instance);
            if (all.Count == 0)
                throw new WawiKeyException(WawiKeyError.NotRegistered, appId + " is not registered on this computer: start the Wawi Registration Helper with --action register.");
            if (all.Count > 1)
            {
                var names = new List<string>();
                foreach (var r in all) names.Add(r.Account);
                throw new WawiKeyException(WawiKeyError.SeveralRegistrations, appId + " is registered " + all.Count + " times on this computer (" + string.Join(", ", names) + "): say which with database or address.");
            }
            if (all[0].BaseUrl == null)
                throw new WawiKeyException(WawiKeyError.ConnectionUnknown, "How to reach the server of " + all[0].Account + " is not confirmed: open the Wawi Registration Helper and check the registration.");
            return all[0];
        }

        [DataContract]
        private sealed class ConnectionEntry
        {
            [DataMember(Name = "baseUrl")] public string BaseUrl = null;
            [DataMember(Name = "certificatePin")] public string CertificatePin = null;
            [DataMember(Name = "insecureHttp")] public bool InsecureHttp = false;
        }

        /// <summary>Fills in the connection entry (JSON); an absent or unreadable one leaves BaseUrl null.</summary>
        public static void ApplyConnection(WawiRegistration r, string json)
        {
            if (string.IsNullOrEmpty(json)) return;
            try
            {
                using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(json)))
                {
                    var entry = (ConnectionEntry)new DataContractJsonSerializer(typeof(ConnectionEntry)).ReadObject(stream);
                    r.BaseUrl = entry.BaseUrl;
                    r.CertificatePin = entry.CertificatePin;
                    r.InsecureHttp = entry.InsecureHttp;
                }
            }
            catch (SerializationException)
            {
                // unreadable: as if absent (the helper confirms the connection before it sends the key)
            }
        }
    }

    /// <summary>Generic credentials through advapi32, with SetLastError: "not found" is not an error.</summary>
    internal static class Credentials
    {
        private const int ERROR_NOT_FOUND = 1168;
        private const uint CRED_TYPE_GENERIC = 1;

        [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
        private struct CREDENTIAL
        {
            public uint Flags;
            public uint Type;
            public string TargetName;
            public string Comment;
            public System.Runtime.InteropServices.ComTypes.FILETIME LastWritten;
            public uint CredentialBlobSize;
            public IntPtr CredentialBlob;
            public uint Persist;
            public uint AttributeCount;
            public IntPtr Attributes;
            public string TargetAlias;
            public string UserName;
        }

        [DllImport("advapi32.dll", EntryPoint = "CredReadW", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern bool CredRead(string target, uint type, uint flags, out IntPtr credential);

        [DllImport("advapi32.dll", EntryPoint = "CredEnumerateW", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern bool CredEnumerate(string filter, uint flags, out uint count, out IntPtr credentials);

        [DllImport("advapi32.dll")]
        private static extern void CredFree(IntPtr buffer);

        private static string Blob(CREDENTIAL c)
        {
            var bytes = new byte[c.CredentialBlobSize];
            if (bytes.Length > 0) Marshal.Copy(c.CredentialBlob, bytes, 0, bytes.Length);
            return Encoding.UTF8.GetString(bytes); // keytar stores UTF-8 bytes
        }

        /// <summary>The credential's text, or null when there is none.</summary>
        public static string Read(string target)
        {
            IntPtr ptr;
            if (!CredRead(target, CRED_TYPE_GENERIC, 0, out ptr))
            {
                var error = Marshal.GetLastWin32Error();
                if (error == ERROR_NOT_FOUND) return null;
                throw new WawiKeyException(WawiKeyError.VaultError, "Credential Manager could not be read (" + target + ").", error);
            }
            try { return Blob((CREDENTIAL)Marshal.PtrToStructure(ptr, typeof(CREDENTIAL))); }
            finally { CredFree(ptr); }
        }

        /// <summary>Target name and text of every generic credential matching the filter (may end with *).</summary>
        public static List<KeyValuePair<string, string>> Enumerate(string filter)
        {
            uint count;
            IntPtr list;
            var result = new List<KeyValuePair<string, string>>();
            if (!CredEnumerate(filter, 0, out count, out list))
            {
                var error = Marshal.GetLastWin32Error();
                if (error == ERROR_NOT_FOUND) return result;
                throw new WawiKeyException(WawiKeyError.VaultError, "Credential Manager could not be read.", error);
            }
            try
            {
                for (var i = 0; i < count; i++)
                {
                    var c = (CREDENTIAL)Marshal.PtrToStructure(Marshal.ReadIntPtr(list, i * IntPtr.Size), typeof(CREDENTIAL));
                    if (c.Type == CRED_TYPE_GENERIC) result.Add(new KeyValuePair<string, string>(c.TargetName, Blob(c)));
                }
            }
            finally { CredFree(list); }
            return result;
        }
    }
}
