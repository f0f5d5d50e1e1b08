# WawiRegistrationKey: reads what the Wawi Registration Helper stored for your app in Windows Credential
# Manager: the API key, the server's base URL and certificate pin, and the headers JTL-Wawi expects.
# Windows PowerShell 5.1 and PowerShell 7. It compiles the .NET reader (WawiKey.cs, C# 5) once per
# session. Never write the key to a log or a transcript.
#
#   Import-Module .\WawiRegistrationKey.psm1
#   $wawi = Get-WawiRegistration -AppId 'myApp/v1'
#   (Invoke-WawiRequest -Registration $wawi -Path '/v1/items' -AppVersion '1.4.0').Body

$folder = @($PSScriptRoot, (Join-Path $PSScriptRoot '..\dotnet')) |
    Where-Object { Test-Path -LiteralPath (Join-Path $_ 'WawiKey.cs') } | Select-Object -First 1
if (-not $folder) { throw 'WawiKey.cs was not found beside WawiRegistrationKey.psm1.' }
$source = @('WawiKey.cs', 'WawiServiceKey.cs') | ForEach-Object { Join-Path $folder $_ }
if (-not ('WawiRegistrationKey.WawiKey' -as [type])) {
    if ($PSVersionTable.PSEdition -eq 'Core') {
        Add-Type -Path $source
    } else {
        Add-Type -Path $source -ReferencedAssemblies 'System.Net.Http', 'System.Runtime.Serialization'
    }
}

function Get-WawiRegistration {
    <#
    .SYNOPSIS
    The one registration of an app on this computer (for a Mandant, a server, an instance).
    .DESCRIPTION
    Throws WawiRegistrationKey.WawiKeyException; its Error property says which: NotRegistered (launch the
    helper with --action register), SeveralRegistrations (give -Database or -Address), VaultError
    (Credential Manager could not be read; Win32Error says why) or ConnectionUnknown (open the helper
    and check the registration).

    -ForService, in a script that runs as a Windows service: the copy the helper kept for the
    ServiceAccount the app's manifest names (%ProgramData%\Wawi Registration Helper\keys), not the
    merchant's Credential Manager. Then NotRegistered means no copy (the manifest must name the
    ServiceAccount) and AccessDenied that this process runs as another account than the one named.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $AppId,
        [string] $Database,
        [string] $Address,
        [int] $Instance = 1,
        [switch] $ForService
    )
    $db = if ($Database) { $Database } else { $null }
    $at = if ($Address) { $Address } else { $null }
    if ($ForService) { [WawiRegistrationKey.WawiServiceKey]::Read($AppId, $db, $at, $Instance) }
    else { [WawiRegistrationKey.WawiKey]::Read($AppId, $db, $at, $Instance) }
}

function Find-WawiRegistration {
    <# .SYNOPSIS Every registration of an app on this computer (all servers, all instances). #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $AppId, [string] $Database, [string] $Address)
    $db = if ($Database) { $Database } else { $null }
    $at = if ($Address) { $Address } else { $null }
    [WawiRegistrationKey.WawiKey]::FindRegistrations($AppId, $db, $at)
}

function Get-WawiHeaders {
    <# .SYNOPSIS Authorization, x-appid and x-appversion (your app's current version; without it Wawi answers 400). #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [WawiRegistrationKey.WawiRegistration] $Registration,
        [Parameter(Mandatory)] [string] $AppVersion
    )
    @{ Authorization = "Wawi $($Registration.Key)"; 'x-appid' = $Registration.AppId; 'x-appversion' = $AppVersion }
}

function Invoke-WawiRequest {
    <#
    .SYNOPSIS
    One call to the registration's server, with its headers and, over https with a pin, exactly the
    pinned certificate accepted. Returns StatusCode and Body (parsed when it is JSON).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [WawiRegistrationKey.WawiRegistration] $Registration,
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [string] $AppVersion
    )
    $client = $Registration.CreateHttpClient($AppVersion)
    try {
        $response = $client.GetAsync($Path.TrimStart('/')).GetAwaiter().GetResult()
        $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        $body = $text
        if ($response.Content.Headers.ContentType -and $response.Content.Headers.ContentType.MediaType -match 'json') {
            try { $body = $text | ConvertFrom-Json } catch { $body = $text }
        }
        [pscustomobject]@{ StatusCode = [int]$response.StatusCode; Body = $body }
    } finally {
        $client.Dispose()
    }
}

Export-ModuleMember -Function Get-WawiRegistration, Find-WawiRegistration, Get-WawiHeaders, Invoke-WawiRequest
