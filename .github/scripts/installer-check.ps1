# The Windows job's installer check, after `npm run dist:win -- --unsigned --x64`: a silent per-user
# install into a temp folder, the installed exe run with --manifest (closed before a registration ended:
# exit 25, "cancelled", and its result file says the same), the installer run again over it (an upgrade),
# then a silent uninstall that leaves the keys and the registrations alone.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
$branding = Get-Content -Raw (Join-Path $root 'vendor\branding.json') | ConvertFrom-Json
$exeName = if ($branding.PSObject.Properties['executableName']) { "$($branding.executableName).exe" } else { "$($branding.productName).exe" }
$setup = Get-ChildItem (Join-Path $root 'release') -Filter '*Setup*UNSIGNED-DEV.exe' | Select-Object -First 1
if (-not $setup) { throw 'No unsigned installer in release\: run "npm run dist:win -- --unsigned --x64" first.' }
$temp = if ($env:RUNNER_TEMP) { $env:RUNNER_TEMP } else { [IO.Path]::GetTempPath() }
$dir = Join-Path $temp 'wawi-install'

function Install-Helper {
    $p = Start-Process $setup.FullName -ArgumentList '/S', "/D=$dir" -Wait -PassThru
    if ($p.ExitCode -ne 0) { throw "The installer ended with $($p.ExitCode)." }
    $found = @($dir, (Join-Path $env:LOCALAPPDATA 'Programs')) | Where-Object { Test-Path $_ } |
        ForEach-Object { Get-ChildItem $_ -Recurse -Filter $exeName -ErrorAction SilentlyContinue } | Select-Object -First 1
    if (-not $found) { throw "$exeName was not installed (looked in $dir and %LOCALAPPDATA%\Programs)." }
    return $found.FullName
}

# What the helper keeps: a key in Credential Manager and the registrations file in %APPDATA%.
$target = 'JTL-Wawi API key/installer-check/v1@127.0.0.1:5883/eazybusiness'
cmdkey /generic:$target /user:installer-check /pass:not-a-real-key | Out-Null
$data = Join-Path $env:APPDATA 'Wawi Registration Helper'
New-Item -ItemType Directory -Force -Path $data | Out-Null
$records = Join-Path $data 'registrations.json'
if (-not (Test-Path $records)) { '{"version":1,"registrations":[],"manifests":{}}' | Set-Content -Encoding utf8 $records }

$exe = Install-Helper
Write-Host "installed: $exe"

# The installed exe with --manifest, closed before a registration ended: 25 and a result that says so.
$manifest = Join-Path (Split-Path $exe) 'resources\vendor\manifest.json'
$result = Join-Path $temp 'installed-result.json'
$app = Start-Process $exe -ArgumentList '--manifest', "`"$manifest`"", '--result-file', "`"$result`"", '--lang', 'en' -PassThru
$deadline = (Get-Date).AddSeconds(60)
while ($app.MainWindowHandle -eq 0) {
    if ((Get-Date) -gt $deadline -or $app.HasExited) { throw 'The installed helper showed no window within 60 s.' }
    Start-Sleep -Milliseconds 500
    $app.Refresh()
}
Start-Sleep -Seconds 2
[void]$app.CloseMainWindow()
if (-not $app.WaitForExit(30000)) { throw 'The installed helper did not end within 30 s of closing its window.' }
if ($app.ExitCode -ne 25) { throw "The installed helper ended with $($app.ExitCode), expected 25 (cancelled: closed before a registration ended)." }
$r = Get-Content -Raw $result | ConvertFrom-Json
if ($r.outcome -ne 'cancelled' -or $r.exitCode -ne 25 -or $r.error.variant -ne 'closed') { throw "The result file says $($r | ConvertTo-Json -Compress)." }
Write-Host 'installed exe: exit 25, result file agrees'

# An upgrade: the installer over the installed helper.
$exe = Install-Helper
Write-Host 'installed again over it (upgrade)'

# Uninstall: the NSIS uninstaller copies itself away and returns at once, so wait for the exe to go.
$uninstaller = Get-ChildItem (Split-Path $exe) -Filter 'Uninstall*.exe' | Select-Object -First 1
Start-Process $uninstaller.FullName -ArgumentList '/S' -Wait
$deadline = (Get-Date).AddSeconds(60)
while (Test-Path $exe) {
    if ((Get-Date) -gt $deadline) { throw 'The uninstaller left the helper in place.' }
    Start-Sleep -Milliseconds 500
}
if (-not ((cmdkey /list:$target) -match 'installer-check')) { throw 'The uninstaller removed the key from Credential Manager.' }
if (-not (Test-Path $records)) { throw 'The uninstaller removed the registrations file.' }
cmdkey /delete:$target | Out-Null
Write-Host 'uninstalled: the key and the registrations are still there'
