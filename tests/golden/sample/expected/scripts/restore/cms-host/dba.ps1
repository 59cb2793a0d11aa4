#Requires -Version 3.0
<#
.SYNOPSIS
Walks one role through its steps of a restoration scenario, in the plan's order, and records how
long each step took.

.DESCRIPTION
Written by plangen from the plan: change the plan and build again rather than edit this file.
Every value taken from the plan is a single-quoted string below, never code.

Each of this role's steps is a function, run in the plan's order. Before a step the script asks
for confirmation (-Step, or -Confirm for PowerShell's own prompt); the step is done by hand, and
the script asks "done? y/n" when it is. A step of another role appears as a hand-off wait: the
script waits until that role says its step is finished. Each step's start, end and result are
appended to the evidence file (docs/scripts.md), and everything shown is kept in a transcript.

.PARAMETER Drill
Names this drill or restoration in the evidence (default: today's date, yyyy-MM-dd). Every role
of one drill must give the same name.

.PARAMETER EvidenceFile
The evidence file (UTF-8 CSV) to append to. Created with its header when missing.

.PARAMETER TranscriptFolder
Where the transcript of this run is written.

.PARAMETER Step
Ask before each step whether to run it now.

.PARAMETER FromStep
Start at this step number (to resume after a stop); earlier steps are skipped.

.PARAMETER ShowProcedure
Print the profile's restore procedure for this scenario, with the plan's names, and stop.

.EXAMPLE
.\dba.ps1 -Step
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param(
    [string]$Drill = (Get-Date).ToString('yyyy-MM-dd', [Globalization.CultureInfo]::InvariantCulture),
    [string]$EvidenceFile = 'C:\Restore\evidence\cms-host-dba.csv',
    [string]$TranscriptFolder = 'C:\Restore\transcripts',
    [switch]$Step,
    [int]$FromStep = 1,
    [switch]$ShowProcedure
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$PlanId = 'contoso-lync'
$ScenarioId = 'cms-host'
$ScenarioTitle = 'Back End sql01 hosting the Central Management store lost (primary and mirror)'
$RoleId = 'dba'
$RoleName = 'Database Services'
$Rto = '12 h'
$Procedure = @(
    [pscustomobject]@{ Text = 'Confirm which pool holds the Central Management store: in Topology Builder select Lync Server and read Central Management Server. If the store is on a mirrored Back End whose mirror still runs, back up the working mirror first and restore both primary and mirror from that backup: the topology can only be published while the primary database is up.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Text = 'Install Windows Server on a new or clean computer named sql01.contoso.com, following the organisation''s build procedure. Keep the computer account in Active Directory Domain Services: do not delete it, so its group memberships and permissions stay.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Text = 'Import the server''s certificates and private keys from their backup, or enrol new ones from the internal certification authority.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Text = 'Take a system image of the server as a rollback point before any Lync data is restored. Have the completed worksheets at hand.'; Command = ''; Verify = 'The image is stored where the restore team can reach it.' }
    [pscustomobject]@{ Text = 'Standard Edition only: re-create and share the File Store under its original path and share name, and copy it back from the newest run folder of its backup.'; Command = '$Run = Get-ChildItem "\\bk01.contoso.com\LyncBackup\red-files" -Directory | Where-Object Name -like "20??-??-??-????" | Sort-Object Name | Select-Object -Last 1; Robocopy $Run.FullName \\fs01.contoso.com\LyncShare /E /R:2 /W:10'; Verify = '' }
    [pscustomobject]@{ Text = 'Standard Edition only: in the Deployment Wizard, run Prepare first Standard Edition server.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Text = 'Enterprise Edition Back End only: install SQL Server 2012 or 2008 R2 with the instance name rtc and the same permissions and logins as before.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Text = 'From a Front End server, open the Lync Server Management Shell and create an empty Central Management store.'; Command = 'Install-CsDatabase -CentralManagementDatabase -Clean -SqlServerFqdn sql01.contoso.com -SqlInstanceName rtc -Verbose'; Verify = '' }
    [pscustomobject]@{ Text = 'Point Active Directory at the store again (the service connection point; safe to run again).'; Command = 'Set-CsConfigurationStoreLocation -SqlServerFqdn sql01.contoso.com -SqlInstanceName rtc -Verbose'; Verify = '' }
    [pscustomobject]@{ Text = 'Copy the configuration, location, user data and Response Group files of the newest run of each backup to a local folder; to go back further, copy from an older run folder instead.'; Command = 'foreach ($Dir in "\\bk01.contoso.com\LyncBackup\red-xds", "\\bk01.contoso.com\LyncBackup\red-lis", "\\bk01.contoso.com\LyncBackup\red-users", "\\bk01.contoso.com\LyncBackup\red-rgs") { $Run = Get-ChildItem $Dir -Directory | Where-Object Name -like "20??-??-??-????" | Sort-Object Name | Select-Object -Last 1; Robocopy $Run.FullName C:\Restore }'; Verify = '' }
    [pscustomobject]@{ Text = 'Import the topology, policies and configuration settings.'; Command = 'Import-CsConfiguration -FileName "C:\Restore\xds-red-xds.zip"'; Verify = '' }
    [pscustomobject]@{ Text = 'Enable the imported topology.'; Command = 'Enable-CsTopology'; Verify = 'The topology document is in the Central Management store database.' }
    [pscustomobject]@{ Text = 'Enterprise Edition Back End only: download the topology, right-click the Lync Server 2013 node and choose Install Database; on Create databases pick the stand-alone databases (the Deployment Wizard creates collocated ones), and continue to Create Mirror Database when the Back End is mirrored. Install-CsDatabase and Install-CsMirrorDatabase do the same from the shell.'; Command = ''; Verify = 'Get-CsDatabaseMirrorState -PoolFqdn pool01.contoso.com -DatabaseType User shows the mirror when the Back End is mirrored.' }
    [pscustomobject]@{ Text = 'Standard Edition only: run the Deployment Wizard''s Steps 1 to 4.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Text = 'Stop the Lync services on every Front End server of pool01.contoso.com.'; Command = 'Stop-CsWindowsService'; Verify = '' }
    [pscustomobject]@{ Text = 'Import the user data and conference IDs.'; Command = 'Import-CsUserData -PoolFqdn "pool01.contoso.com" -FileName "C:\Restore\rtcxds-red-users.zip"'; Verify = '' }
    [pscustomobject]@{ Text = 'Start the Lync services on every Front End server of pool01.contoso.com together.'; Command = 'Start-CsWindowsService'; Verify = '' }
    [pscustomobject]@{ Text = 'Import the E9-1-1 location information.'; Command = 'Import-CsLisConfiguration -FileName "C:\Restore\lis-red-lis.zip"'; Verify = '' }
    [pscustomobject]@{ Text = 'If Response Group is deployed: import its configuration.'; Command = 'Import-CsRgsConfiguration -Destination "service:ApplicationServer:pool01.contoso.com" -OverwriteOwner -FileName "C:\Restore\rgsconfig-red-rgs.zip"'; Verify = '' }
    [pscustomobject]@{ Text = 'After the empty databases are recreated, open SQL Server Management Studio on sql01.contoso.com\rtc, right-click Databases and choose Restore Database; set To database to Xds (LcsLog, LcsCDR or QoEMetrics), choose From device and the backup set from the newest run folder, and restore; the command does the same from the shell. These databases are not needed to bring Lync back: restore them when the data matters to the organisation.'; Command = '$Run = Get-ChildItem "\\bk01.contoso.com\LyncBackup\red-xds" -Directory | Where-Object Name -like "20??-??-??-????" | Sort-Object Name | Select-Object -Last 1; sqlcmd -S "sql01.contoso.com\rtc" -E -b -Q "RESTORE DATABASE [Xds] FROM DISK = N''$($Run.FullName)\Xds.bak'' WITH REPLACE, RECOVERY"'; Verify = '' }
    [pscustomobject]@{ Text = 'On the Options page, check the paths of the data and log files.'; Command = ''; Verify = 'The data file and log file paths are the intended ones.' }
    [pscustomobject]@{ Text = 'Under the database, Security, Users: make sure RTCComponentUniversalServices exists; if not, add it as a new user for the login RTCComponentUniversalServices with the database role ServerRole. The Archiving and Monitoring services need no restart.'; Command = ''; Verify = 'RTCComponentUniversalServices is a user of Xds with the ServerRole database role.' }
)

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

function Read-YesNo([string]$Question) {
    while ($true) {
        $answer = Read-Host ($Question + ' (y/n)')
        if ($answer -match '^(y|yes)$') { return $true }
        if ($answer -match '^(n|no)$') { return $false }
    }
}

# One step of this role: confirmation, the work done by hand, "done? y/n", an evidence row.
function Invoke-ManualStep([int]$Number, [string]$Id, [string]$Title, [string]$Estimate) {
    if ($Number -lt $FromStep) { return }
    Write-Host ''
    Write-Host ("Step {0} of {1}: {2}" -f $Number, $ScenarioId, $Title)
    Write-Host ("Estimated: {0}" -f $Estimate)
    if (-not $PSCmdlet.ShouldProcess($Title, "Step $Number")) { return }
    if ($Step -and -not (Read-YesNo 'Start this step now?')) { throw "Stopped before step $Number; resume with -FromStep $Number" }
    $start = Get-Timestamp
    $done = Read-YesNo 'Carry out the step. Done?'
    $row = @{ record = 'drill-step'; run = $Drill; plan = $PlanId; scenario = $ScenarioId; step = $Id; role = $RoleId
        start = $start; end = (Get-Timestamp); result = $(if ($done) { 'ok' } else { 'failed' }) }
    if (-not $done) { $row['message'] = Read-Host 'What went wrong?' }
    Add-EvidenceRow $row
    if (-not $done) { throw "Step $Number failed; fix the cause, then resume with -FromStep $Number" }
}

# A step of another role: wait until it is finished before going on.
function Wait-HandOff([int]$Number, [string]$Title, [string]$Role) {
    if ($Number -lt $FromStep) { return }
    Write-Host ''
    Write-Host ("Step {0} is for {1}: {2}" -f $Number, $Role, $Title)
    if ($WhatIfPreference) { return }
    while (-not (Read-YesNo "Has $Role finished it?")) {
        Write-Host 'Waiting.'
    }
}

function Step-1-prepare {

    Wait-HandOff 1 'Prepare a clean server with the same FQDN, Windows Server, certificates and a system image' 'Storage and Backup'
}

function Step-2-sql {
    Invoke-ManualStep 2 'sql' 'Install SQL Server with the instance name rtc' '1 h'

}

function Step-3-cms {

    Wait-HandOff 3 'Recreate and import the Central Management store, then enable the topology' 'Lync Operations'
}

function Step-4-dbs {
    Invoke-ManualStep 4 'dbs' 'Create the databases and the mirror in Topology Builder' '1 h'

}

function Step-5-data {

    Wait-HandOff 5 'Import user data, location information and Response Group configuration' 'Lync Operations'
}

function Step-6-sqlrestore {
    Invoke-ManualStep 6 'sqlrestore' 'Restore the Archiving and Monitoring databases with SQL Server Management Studio' '2 h'

}

if ($ShowProcedure) {
    foreach ($p in $Procedure) {
        Write-Host $p.Text
        if ($p.Command) { Write-Host ('    ' + $p.Command) }
        if ($p.Verify) { Write-Host ('    Check: ' + $p.Verify) }
    }
    return
}

if (-not $WhatIfPreference) {
    New-Item -ItemType Directory -Path $TranscriptFolder -Force | Out-Null
    $transcript = Join-Path $TranscriptFolder ('{0}-{1}-{2}.log' -f 'cms-host', 'dba', $Drill)
    Start-Transcript -Path $transcript -Append | Out-Null
}
try {
    Write-Host ("{0}: {1}, for {2}. Recovery time objective: {3}." -f $ScenarioId, $ScenarioTitle, $RoleName, $Rto)
    Step-1-prepare
    Step-2-sql
    Step-3-cms
    Step-4-dbs
    Step-5-data
    Step-6-sqlrestore
    Write-Host 'Every step of this role is done.'
} finally {
    if (-not $WhatIfPreference) { Stop-Transcript | Out-Null }
}
