#Requires -Version 3.0
<#
.SYNOPSIS
Runs the backups the plan gives this server, copies and verifies them in every location, prunes
old runs, and appends one evidence row per backup and location.

.DESCRIPTION
Written by plangen from the plan: change the plan and build again rather than edit this file.
Every value taken from the plan is a single-quoted string below, never code.

Each backup runs into a new folder named after the run's date and time (yyyy-MM-dd-HHmm) inside
the backup's own folder in its first location, is copied to the same folder in every other
location (the off-site one included) and verified there: a .zip export must open as an archive,
a SQL Server backup must pass RESTORE VERIFYONLY, a copied folder must hold as many files and
bytes as its source. Run folders older than the plan's retention are then deleted, only those
named like a run date and only inside the backup's own folder. The first error stops the script
after its evidence row is written.

Prerequisites are checked before anything changes: modules and programs present, rights of the
account, every location reachable and writable, free space in the staging folder and every
location.

.PARAMETER Backup
Ids (or folder names) of the backups to run. All of this server's backups when omitted.

.PARAMETER EvidenceFile
The evidence file (UTF-8 CSV, described in docs/scripts.md) to append to. Created with its
header when missing.

.PARAMETER StagingFolder
Local folder the Lync Server cmdlets export into before the copy.

.PARAMETER MinimumFreeGB
Free space needed in the staging folder and in every location before a run starts.

.EXAMPLE
.\sql03.contoso.com.ps1 -WhatIf
Prints what the script would do, changes nothing and writes no evidence.
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [string[]]$Backup = @(),
    [string]$EvidenceFile = 'C:\Backup\evidence\sql03.contoso.com-backups.csv',
    [string]$StagingFolder = 'C:\Backup',
    [int]$MinimumFreeGB = 1
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# The plan's values. Each backup: what it runs, where it goes, how long it is kept.
$PlanId = 'contoso-lync'
$PlanVersion = '4'
$ServerName = 'sql03.contoso.com'
# The site's time zone: the task definitions start at the plan's wall-clock times, which Task
# Scheduler reads as this computer's local time. Its UTC offsets from the tz database: from each
# time in $ZoneChanges (minutes since 1970-01-01 UTC) the offset at the same place in $ZoneOffsets
# (seconds), known until $ZoneUntil.
$SiteTimeZone = 'America/Los_Angeles'
$ZoneChanges = @(29409120, 29549400, 29892060, 30083640, 30426300, 30607800, 30950460)
$ZoneOffsets = @(-28800, -25200, -28800, -25200, -28800, -25200, -28800)
$ZoneUntil = 30985920
$Backups = @(
    [pscustomobject]@{
        Id            = 'red-pchat'
        Folder        = 'red-pchat'
        Item          = 'mgc'
        Procedure     = 'backup-mgc'
        Action        = 'lync-export'
        Module        = 'Lync'
        Command       = 'Export-CsPersistentChatData'
        Parameters    = @{ DBInstance = 'sql03.contoso.com\pchat'; }
        FileName      = 'mgc-red-pchat.zip'
        SourceFolder  = ''
        Exclude       = @()
        SqlInstance   = ''
        Database      = ''
        Partners      = @()
        RightsGroup   = 'CsPersistentChatAdministrator'
        RetentionCutoff = { (Get-Date).AddDays(-90) }
        Retention     = '90 days'
        Manual        = ''
        Locations     = @(
            [pscustomobject]@{ Id = 'red-backup'; Path = '\\bk01.contoso.com\LyncBackup'; Offsite = $false }
            [pscustomobject]@{ Id = 'vault'; Path = '\\vault.fabrikam-dr.com\contoso\lync'; Offsite = $true }
        )
    }
)

$RunFolderPattern = '^\d{4}-\d{2}-\d{2}-\d{4}$'
$EvidenceColumns = @('record', 'run', 'plan', 'backup', 'location', 'offsite', 'scenario', 'step', 'role',
    'start', 'end', 'result', 'bytes', 'files', 'message')

function ConvertTo-CsvField([string]$Text) {
    if ($null -eq $Text) { return '' }
    if ($Text -match '[",\r\n]') { return '"' + $Text.Replace('"', '""') + '"' }
    return $Text
}

function Get-Timestamp {
    return (Get-Date).ToString('yyyy-MM-ddTHH:mm:sszzz', [Globalization.CultureInfo]::InvariantCulture)
}

# Appends one row to the evidence file (UTF-8 without a byte order mark), with the header first
# when the file is new. Nothing is written under -WhatIf.
function Add-EvidenceRow([hashtable]$Row) {
    if ($WhatIfPreference) { return }
    $encoding = New-Object System.Text.UTF8Encoding($false)
    $folder = Split-Path -Parent $EvidenceFile
    if ($folder -and -not (Test-Path -LiteralPath $folder)) {
        New-Item -ItemType Directory -Path $folder -Force -WhatIf:$false | Out-Null
    }
    if (-not (Test-Path -LiteralPath $EvidenceFile)) {
        [IO.File]::AppendAllText($EvidenceFile, (($EvidenceColumns -join ',') + "`r`n"), $encoding)
    }
    $fields = foreach ($column in $EvidenceColumns) {
        if ($Row.ContainsKey($column)) { ConvertTo-CsvField ([string]$Row[$column]) } else { '' }
    }
    [IO.File]::AppendAllText($EvidenceFile, (($fields -join ',') + "`r`n"), $encoding)
}

function Get-FreeBytes([string]$Path) {
    if (-not ('PlangenDisk' -as [type])) {
        Add-Type -TypeDefinition @'
using System;
using System.Runtime.InteropServices;
public static class PlangenDisk {
    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    public static extern bool GetDiskFreeSpaceEx(string directory, out ulong available, out ulong total, out ulong free);
}
'@
    }
    $available = [uint64]0
    $total = [uint64]0
    $free = [uint64]0
    if (-not [PlangenDisk]::GetDiskFreeSpaceEx($Path, [ref]$available, [ref]$total, [ref]$free)) {
        throw "Cannot read the free space of $Path"
    }
    return $available
}

function Test-GroupMember([string]$Group) {
    $identity = [Security.Principal.WindowsIdentity]::GetCurrent()
    foreach ($sid in $identity.Groups) {
        try {
            $name = $sid.Translate([Security.Principal.NTAccount]).Value
        } catch {
            continue
        }
        if ($name -eq $Group -or $name.EndsWith('\' + $Group, [StringComparison]::OrdinalIgnoreCase)) { return $true }
    }
    return $false
}

function Get-FolderSize([string]$Path) {
    $files = @(Get-ChildItem -LiteralPath $Path -Recurse -Force -File)
    $bytes = [int64]0
    foreach ($f in $files) { $bytes += $f.Length }
    return [pscustomobject]@{ Files = $files.Count; Bytes = $bytes }
}

function Invoke-Robocopy([string]$Source, [string]$Destination, [string[]]$Exclude) {
    $arguments = @($Source, $Destination, '/E', '/R:2', '/W:10', '/NP', '/NJH')
    if ($Exclude.Count -gt 0) { $arguments += '/XF'; $arguments += $Exclude }
    & robocopy.exe @arguments | Out-Host
    if ($LASTEXITCODE -ge 8) { throw "Robocopy failed with exit code $LASTEXITCODE copying $Source to $Destination" }
}

function Invoke-Sql([string]$Instance, [string]$Query) {
    # -x: no sqlcmd variable substitution, so $(...) in a path stays text; -b: fail on error.
    & sqlcmd.exe -S $Instance -E -b -x -Q $Query | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "sqlcmd failed with exit code $LASTEXITCODE on $Instance" }
}

function ConvertTo-SqlString([string]$Text) {
    return "N'" + $Text.Replace("'", "''") + "'"
}

# Whether this computer keeps the site's time zone now: its UTC offset must be the zone's.
function Test-TimeZone {
    if (-not $SiteTimeZone) { return $null }
    $now = [long][Math]::Floor(([DateTime]::UtcNow - [DateTime]::new(1970, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)).TotalMinutes)
    if ($now -lt $ZoneChanges[0] -or $now -ge $ZoneUntil) {
        Write-Warning "This script knows the offsets of $SiteTimeZone only until it was built plus two years: build it again"
        return $null
    }
    $expected = $ZoneOffsets[0]
    for ($i = 0; $i -lt $ZoneChanges.Count; $i++) { if ($ZoneChanges[$i] -le $now) { $expected = $ZoneOffsets[$i] } }
    $local = [long][TimeZoneInfo]::Local.GetUtcOffset([DateTime]::UtcNow).TotalSeconds
    if ($local -ne $expected) {
        return "This computer's clock is $($local / 60) minutes from UTC, but the site's time zone $SiteTimeZone is $($expected / 60) minutes from UTC now: its scheduled tasks would run at other times than the plan's. Set the computer's time zone to the site's"
    }
    return $null
}

function Test-Prerequisites($Selected) {
    $problems = New-Object System.Collections.Generic.List[string]
    $zone = Test-TimeZone
    if ($zone) { $problems.Add($zone) }
    foreach ($b in $Selected) {
        if ($b.Manual) { $problems.Add("Backup $($b.Id): $($b.Manual)"); continue }
        if ($b.Module -and -not (Get-Module -Name $b.Module)) {
            if (Get-Module -ListAvailable -Name $b.Module) {
                Import-Module -Name $b.Module
            } else {
                $problems.Add("Backup $($b.Id): the PowerShell module $($b.Module) is not installed")
            }
        }
        if ($b.Command -and -not (Get-Command -Name $b.Command -ErrorAction SilentlyContinue)) {
            $problems.Add("Backup $($b.Id): $($b.Command) is not available")
        }
        if ($b.Action -like 'sql-*') {
            if (-not (Get-Command -Name 'sqlcmd.exe' -ErrorAction SilentlyContinue)) { $problems.Add("Backup $($b.Id): sqlcmd.exe is not installed") }
            if ($b.Action -ne 'sql-log-principals' -and $b.Database -notmatch '^[A-Za-z0-9_]+$') { $problems.Add("Backup $($b.Id): the database name is not a plain name") }
            foreach ($p in $b.Partners) {
                if ($p -notmatch '^[A-Za-z0-9._-]+(\\[A-Za-z0-9_$]+)?$') { $problems.Add("Backup $($b.Id): the mirroring partner $p is not a plain instance name") }
            }
            if ($b.SqlInstance -notmatch '^[A-Za-z0-9._-]+(\\[A-Za-z0-9_$]+)?$') { $problems.Add("Backup $($b.Id): the SQL Server instance is not a plain name") }
        }
        if ($b.RightsGroup -and -not (Test-GroupMember $b.RightsGroup)) {
            $problems.Add("Backup $($b.Id): this account is not a member of $($b.RightsGroup)")
        }
        foreach ($l in $b.Locations) {
            if (-not (Test-Path -LiteralPath $l.Path)) {
                $problems.Add("Backup $($b.Id): location $($l.Id) ($($l.Path)) cannot be reached")
                continue
            }
            if ((Get-FreeBytes $l.Path) -lt ([uint64]$MinimumFreeGB * 1073741824)) {
                $problems.Add("Backup $($b.Id): location $($l.Id) ($($l.Path)) has less than $MinimumFreeGB GB free")
            }
            if (-not $WhatIfPreference) {
                $own = Join-Path $l.Path $b.Folder
                try {
                    New-Item -ItemType Directory -Path $own -Force | Out-Null
                    $probe = Join-Path $own ('.write-test-' + [guid]::NewGuid().ToString('N'))
                    [IO.File]::WriteAllText($probe, '')
                    Remove-Item -LiteralPath $probe
                } catch {
                    $problems.Add("Backup $($b.Id): this account cannot write to $own")
                }
            }
        }
    }
    if (Get-Command -Name 'robocopy.exe' -ErrorAction SilentlyContinue) { } else { $problems.Add('robocopy.exe is not available') }
    if (Test-Path -LiteralPath $StagingFolder) {
        if ((Get-FreeBytes $StagingFolder) -lt ([uint64]$MinimumFreeGB * 1073741824)) { $problems.Add("The staging folder $StagingFolder has less than $MinimumFreeGB GB free") }
    }
    if ($problems.Count -gt 0) {
        throw ("Prerequisites not met:`r`n  " + ($problems -join "`r`n  "))
    }
}

# Makes the run in the first location; returns what was written there.
function New-BackupRun($b, [string]$Run) {
    $first = $b.Locations[0]
    $target = Join-Path (Join-Path $first.Path $b.Folder) $Run
    if (-not $PSCmdlet.ShouldProcess($target, "Back up $($b.Id) ($($b.Action))")) { return $null }
    New-Item -ItemType Directory -Path $target | Out-Null
    switch ($b.Action) {
        'lync-export' {
            $stage = Join-Path (Join-Path $StagingFolder $b.Folder) $Run
            New-Item -ItemType Directory -Path $stage -Force | Out-Null
            $parameters = @{}
            foreach ($k in $b.Parameters.Keys) { $parameters[$k] = $b.Parameters[$k] }
            $parameters['FileName'] = Join-Path $stage $b.FileName
            & (Get-Command -Name $b.Command -CommandType Cmdlet) @parameters
            Invoke-Robocopy $stage $target @()
            Remove-Item -LiteralPath $stage -Recurse
        }
        'sql-full' {
            $file = Join-Path $target ($b.Database + '.bak')
            Invoke-Sql $b.SqlInstance ('BACKUP DATABASE [' + $b.Database + '] TO DISK = ' + (ConvertTo-SqlString $file) + ' WITH CHECKSUM')
        }
        'sql-log' {
            $file = Join-Path $target ($b.Database + '.trn')
            Invoke-Sql $b.SqlInstance ('BACKUP LOG [' + $b.Database + '] TO DISK = ' + (ConvertTo-SqlString $file) + ' WITH CHECKSUM')
        }
        'sql-log-principals' {
            # Each partner backs up the logs of the databases it is principal for; the mirror
            # copies cannot be backed up, so this works whichever partner is the principal.
            $query = "SET NOCOUNT ON; SELECT d.name FROM sys.databases d JOIN sys.database_mirroring m ON m.database_id = d.database_id WHERE m.mirroring_role_desc = N'PRINCIPAL' AND d.recovery_model_desc = N'FULL'"
            $count = 0
            foreach ($partner in $b.Partners) {
                $names = @(& sqlcmd.exe -S $partner -E -b -x -h -1 -W -Q $query)
                if ($LASTEXITCODE -ne 0) { throw "sqlcmd failed with exit code $LASTEXITCODE on $partner" }
                foreach ($name in $names) {
                    if ($name -notmatch '^[A-Za-z0-9_]+$') { continue }
                    $file = Join-Path $target ($name + '.trn')
                    Invoke-Sql $partner ('BACKUP LOG [' + $name + '] TO DISK = ' + (ConvertTo-SqlString $file) + ' WITH CHECKSUM')
                    $count++
                }
            }
            if ($count -eq 0) { throw "Backup $($b.Id): neither partner is principal for a database in the full recovery model" }
        }
        'folder-copy' {
            Invoke-Robocopy $b.SourceFolder $target $b.Exclude
        }
        default { throw "Backup $($b.Id): no way to run action $($b.Action)" }
    }
    return $target
}

# Checks one copy of a run; returns its file count and bytes, or throws.
function Test-BackupCopy($b, [string]$Folder, $Expected) {
    $size = Get-FolderSize $Folder
    if ($size.Files -eq 0) { throw "Backup $($b.Id): $Folder holds no file" }
    switch ($b.Action) {
        'lync-export' {
            Add-Type -AssemblyName System.IO.Compression.FileSystem
            $zip = [IO.Compression.ZipFile]::OpenRead((Join-Path $Folder $b.FileName))
            try {
                if ($zip.Entries.Count -eq 0) { throw "Backup $($b.Id): the archive in $Folder is empty" }
            } finally {
                $zip.Dispose()
            }
        }
        { $_ -like 'sql-*' } {
            foreach ($f in @(Get-ChildItem -LiteralPath $Folder -File)) {
                Invoke-Sql $b.SqlInstance ('RESTORE VERIFYONLY FROM DISK = ' + (ConvertTo-SqlString $f.FullName) + ' WITH CHECKSUM')
            }
        }
    }
    if ($null -ne $Expected -and ($size.Files -ne $Expected.Files -or $size.Bytes -ne $Expected.Bytes)) {
        throw "Backup $($b.Id): $Folder holds $($size.Files) files and $($size.Bytes) bytes, the run $($Expected.Files) files and $($Expected.Bytes) bytes"
    }
    return $size
}

# Deletes the run folders of one backup in one location that are older than its retention:
# only folders named like a run date, only inside the backup's own folder, never the current run.
function Remove-OldRuns($b, $Location, [string]$Run) {
    $own = Join-Path $Location.Path $b.Folder
    if (-not (Test-Path -LiteralPath $own)) { return }
    if ($null -eq $b.RetentionCutoff) { return }
    $cutoff = & $b.RetentionCutoff
    foreach ($d in @(Get-ChildItem -LiteralPath $own -Directory)) {
        if ($d.Name -notmatch $RunFolderPattern -or $d.Name -eq $Run) { continue }
        $when = [datetime]::ParseExact($d.Name, 'yyyy-MM-dd-HHmm', [Globalization.CultureInfo]::InvariantCulture)
        if ($when -ge $cutoff) { continue }
        if ($PSCmdlet.ShouldProcess($d.FullName, "Delete run older than $($b.Retention)")) {
            Remove-Item -LiteralPath $d.FullName -Recurse -Force
        }
    }
}

function Invoke-Backup($b) {
    $run = (Get-Date).ToString('yyyy-MM-dd-HHmm', [Globalization.CultureInfo]::InvariantCulture)
    $expected = $null
    foreach ($l in $b.Locations) {
        $start = Get-Timestamp
        $row = @{ record = 'backup'; run = $run; plan = $PlanId; backup = $b.Id; location = $l.Id
            offsite = $(if ($l.Offsite) { 'yes' } else { 'no' }); start = $start }
        try {
            $folder = Join-Path (Join-Path $l.Path $b.Folder) $run
            if ($null -eq $expected) {
                $made = New-BackupRun $b $run
                if ($null -eq $made) {
                    # -WhatIf: say what the copies and the prune would do, then stop here.
                    foreach ($other in @($b.Locations | Select-Object -Skip 1)) {
                        [void]$PSCmdlet.ShouldProcess((Join-Path (Join-Path $other.Path $b.Folder) $run), "Copy run $run of $($b.Id) and verify it")
                    }
                    foreach ($other in $b.Locations) { Remove-OldRuns $b $other $run }
                    return
                }
            } elseif ($PSCmdlet.ShouldProcess($folder, "Copy run $run of $($b.Id) from $($b.Locations[0].Id)")) {
                Invoke-Robocopy (Join-Path (Join-Path $b.Locations[0].Path $b.Folder) $run) $folder @()
            } else {
                continue
            }
            $size = Test-BackupCopy $b $folder $expected
            if ($null -eq $expected) { $expected = $size }
            $row['end'] = Get-Timestamp
            $row['result'] = 'ok'
            $row['bytes'] = $size.Bytes
            $row['files'] = $size.Files
            Add-EvidenceRow $row
        } catch {
            $row['end'] = Get-Timestamp
            $row['result'] = 'failed'
            $row['message'] = $_.Exception.Message
            Add-EvidenceRow $row
            throw
        }
    }
    foreach ($l in $b.Locations) { Remove-OldRuns $b $l $run }
}

$selected = @($Backups | Where-Object { $Backup.Count -eq 0 -or $Backup -contains $_.Id -or $Backup -contains $_.Folder })
foreach ($name in $Backup) {
    if (-not ($Backups | Where-Object { $_.Id -eq $name -or $_.Folder -eq $name })) { throw "No backup $name on $ServerName in plan $PlanId" }
}
Test-Prerequisites $selected
foreach ($b in $selected) {
    Write-Host "Backup $($b.Id) of $ServerName ($($b.Procedure))"
    Invoke-Backup $b
}
