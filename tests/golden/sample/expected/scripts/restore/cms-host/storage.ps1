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
.\storage.ps1 -Step
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param(
    [string]$Drill = (Get-Date).ToString('yyyy-MM-dd', [Globalization.CultureInfo]::InvariantCulture),
    [string]$EvidenceFile = 'C:\Restore\evidence\cms-host-storage.csv',
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
$RoleId = 'storage'
$RoleName = 'Storage and Backup'
$Rto = '12 h'
$Procedure = @(
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Confirm that pool01.contoso.com holds the Central Management store: in Topology Builder select Lync Server and read Central Management Server.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'If the mirror sql02.contoso.com still runs, back up its databases first and restore both sql01.contoso.com and sql02.contoso.com from that backup: the topology can only be published while the primary database is up, and the roles cannot be swapped without it.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Install Windows Server on a new or clean computer named sql01.contoso.com, following the organisation''s build procedure. Keep the computer account in Active Directory Domain Services: do not delete it, so its group memberships and permissions stay.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Import the certificates and private keys of sql01.contoso.com from their backup, or enrol new ones from the certification authority.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'On sql01.contoso.com, take a system image as a rollback point before any Lync data is restored. Have the completed worksheets at hand.'; Command = '$Target = Read-Host "Volume or share for the image of sql01.contoso.com"; wbadmin start backup -backupTarget:$Target -allCritical -quiet'; Verify = 'The image of sql01.contoso.com is stored where the restore team can reach it.' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'On sql01.contoso.com, install SQL Server 2012 or SQL Server 2008 R2 with the instance name rtc and the same permissions and logins as before.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'From a Front End server, open the Lync Server Management Shell and create an empty Central Management store on sql01.contoso.com.'; Command = 'Install-CsDatabase -CentralManagementDatabase -Clean -SqlServerFqdn sql01.contoso.com -SqlInstanceName rtc -Verbose'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Point Active Directory at the store again (the service connection point; safe to run again).'; Command = 'Set-CsConfigurationStoreLocation -SqlServerFqdn sql01.contoso.com -SqlInstanceName rtc -Verbose'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Copy the configuration backup from its newest run folder to a local folder; to go back further, copy from an older run folder instead.'; Command = '$Run = Get-ChildItem "\\bk01.contoso.com\LyncBackup\red-xds" -Directory | Where-Object Name -like "20??-??-??-????" | Sort-Object Name | Select-Object -Last 1; Robocopy $Run.FullName C:\Restore xds-red-xds.zip'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Import the topology, policies and configuration settings.'; Command = 'Import-CsConfiguration -FileName "C:\Restore\xds-red-xds.zip"'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Enable the imported topology.'; Command = 'Enable-CsTopology'; Verify = 'The topology document is in the Central Management store database.' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'In Topology Builder, download the topology, right-click the Lync Server 2013 node and choose Install Database; on Create databases pick the stand-alone databases of sql01.contoso.com (the Deployment Wizard creates collocated ones). Install-CsDatabase does the same from the shell.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Continue to Create Mirror Database to rebuild the mirror on sql02.contoso.com. Install-CsMirrorDatabase does the same from the shell.'; Command = ''; Verify = 'Get-CsDatabaseMirrorState -PoolFqdn pool01.contoso.com -DatabaseType User shows sql01.contoso.com as principal and sql02.contoso.com as mirror.' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Copy the user data backup of pool01.contoso.com from its newest run folder to a local folder; to go back further, copy from an older run folder instead.'; Command = '$Run = Get-ChildItem "\\bk01.contoso.com\LyncBackup\red-users" -Directory | Where-Object Name -like "20??-??-??-????" | Sort-Object Name | Select-Object -Last 1; Robocopy $Run.FullName C:\Restore rtcxds-red-users.zip'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Stop the Lync services on the Front End server fe01.contoso.com.'; Command = 'Stop-CsWindowsService -ComputerName fe01.contoso.com'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Stop the Lync services on the Front End server fe02.contoso.com.'; Command = 'Stop-CsWindowsService -ComputerName fe02.contoso.com'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Stop the Lync services on the Front End server fe03.contoso.com.'; Command = 'Stop-CsWindowsService -ComputerName fe03.contoso.com'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Import the user data and conference IDs of pool01.contoso.com.'; Command = 'Import-CsUserData -PoolFqdn "pool01.contoso.com" -FileName "C:\Restore\rtcxds-red-users.zip"'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Start the Lync services on the Front End server fe01.contoso.com; start every Front End of the pool together.'; Command = 'Start-CsWindowsService -ComputerName fe01.contoso.com'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Start the Lync services on the Front End server fe02.contoso.com; start every Front End of the pool together.'; Command = 'Start-CsWindowsService -ComputerName fe02.contoso.com'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Start the Lync services on the Front End server fe03.contoso.com; start every Front End of the pool together.'; Command = 'Start-CsWindowsService -ComputerName fe03.contoso.com'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Copy the E9-1-1 location information backup from its newest run folder to a local folder; to go back further, copy from an older run folder instead.'; Command = '$Run = Get-ChildItem "\\bk01.contoso.com\LyncBackup\red-lis" -Directory | Where-Object Name -like "20??-??-??-????" | Sort-Object Name | Select-Object -Last 1; Robocopy $Run.FullName C:\Restore lis-red-lis.zip'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Import the E9-1-1 location information.'; Command = 'Import-CsLisConfiguration -FileName "C:\Restore\lis-red-lis.zip"'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Copy the Response Group backup of pool01.contoso.com from its newest run folder to a local folder; to go back further, copy from an older run folder instead.'; Command = '$Run = Get-ChildItem "\\bk01.contoso.com\LyncBackup\red-rgs" -Directory | Where-Object Name -like "20??-??-??-????" | Sort-Object Name | Select-Object -Last 1; Robocopy $Run.FullName C:\Restore rgsconfig-red-rgs.zip'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Import the Response Group configuration into pool01.contoso.com.'; Command = 'Import-CsRgsConfiguration -Destination "service:ApplicationServer:pool01.contoso.com" -OverwriteOwner -FileName "C:\Restore\rgsconfig-red-rgs.zip"'; Verify = 'Get-CsRgsWorkflow -Identity "service:ApplicationServer:pool01.contoso.com" -ShowAll lists the workflows.' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'After the empty databases are recreated, open SQL Server Management Studio on sql01.contoso.com\rtc, right-click Databases and choose Restore Database; set To database to LcsLog, choose From device and the backup set from the newest run folder of its backup, and restore; the command does the same from the shell. These databases are not needed to bring Lync back: restore them when the data matters to the organisation.'; Command = '$Run = Get-ChildItem "\\bk01.contoso.com\LyncBackup\red-archiving" -Directory | Where-Object Name -like "20??-??-??-????" | Sort-Object Name | Select-Object -Last 1; sqlcmd -S "sql01.contoso.com\rtc" -E -b -Q "RESTORE DATABASE [LcsLog] FROM DISK = N''$($Run.FullName)\LcsLog.bak'' WITH REPLACE, RECOVERY"'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Check the paths of the data and log files of LcsLog: on the Options page of the restore in SQL Server Management Studio, or with the command, which lists them.'; Command = 'sqlcmd -S "sql01.contoso.com\rtc" -E -b -Q "SELECT name, physical_name FROM sys.master_files WHERE database_id = DB_ID(N''LcsLog'')"'; Verify = 'The data file and log file paths of LcsLog are the intended ones.' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Under LcsLog, Security, Users: make sure RTCComponentUniversalServices exists; if not, add it as a new user for the login RTCComponentUniversalServices with the database role ServerRole. The Archiving and Monitoring services need no restart.'; Command = 'sqlcmd -S "sql01.contoso.com\rtc" -E -b -d "LcsLog" -Q "SELECT m.name AS member, r.name AS role FROM sys.database_role_members x JOIN sys.database_principals r ON r.principal_id = x.role_principal_id JOIN sys.database_principals m ON m.principal_id = x.member_principal_id WHERE m.name = N''RTCComponentUniversalServices''"'; Verify = 'RTCComponentUniversalServices is a user of LcsLog with the ServerRole database role.' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'After the empty databases are recreated, open SQL Server Management Studio on sql01.contoso.com\rtc, right-click Databases and choose Restore Database; set To database to LcsCDR, choose From device and the backup set from the newest run folder of its backup, and restore; the command does the same from the shell. These databases are not needed to bring Lync back: restore them when the data matters to the organisation.'; Command = '$Run = Get-ChildItem "\\bk01.contoso.com\LyncBackup\red-cdr" -Directory | Where-Object Name -like "20??-??-??-????" | Sort-Object Name | Select-Object -Last 1; sqlcmd -S "sql01.contoso.com\rtc" -E -b -Q "RESTORE DATABASE [LcsCDR] FROM DISK = N''$($Run.FullName)\LcsCDR.bak'' WITH REPLACE, RECOVERY"'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Check the paths of the data and log files of LcsCDR: on the Options page of the restore in SQL Server Management Studio, or with the command, which lists them.'; Command = 'sqlcmd -S "sql01.contoso.com\rtc" -E -b -Q "SELECT name, physical_name FROM sys.master_files WHERE database_id = DB_ID(N''LcsCDR'')"'; Verify = 'The data file and log file paths of LcsCDR are the intended ones.' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Under LcsCDR, Security, Users: make sure RTCComponentUniversalServices exists; if not, add it as a new user for the login RTCComponentUniversalServices with the database role ServerRole. The Archiving and Monitoring services need no restart.'; Command = 'sqlcmd -S "sql01.contoso.com\rtc" -E -b -d "LcsCDR" -Q "SELECT m.name AS member, r.name AS role FROM sys.database_role_members x JOIN sys.database_principals r ON r.principal_id = x.role_principal_id JOIN sys.database_principals m ON m.principal_id = x.member_principal_id WHERE m.name = N''RTCComponentUniversalServices''"'; Verify = 'RTCComponentUniversalServices is a user of LcsCDR with the ServerRole database role.' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'After the empty databases are recreated, open SQL Server Management Studio on sql01.contoso.com\rtc, right-click Databases and choose Restore Database; set To database to QoEMetrics, choose From device and the backup set from the newest run folder of its backup, and restore; the command does the same from the shell. These databases are not needed to bring Lync back: restore them when the data matters to the organisation.'; Command = '$Run = Get-ChildItem "\\bk01.contoso.com\LyncBackup\red-qoe" -Directory | Where-Object Name -like "20??-??-??-????" | Sort-Object Name | Select-Object -Last 1; sqlcmd -S "sql01.contoso.com\rtc" -E -b -Q "RESTORE DATABASE [QoEMetrics] FROM DISK = N''$($Run.FullName)\QoEMetrics.bak'' WITH REPLACE, RECOVERY"'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Check the paths of the data and log files of QoEMetrics: on the Options page of the restore in SQL Server Management Studio, or with the command, which lists them.'; Command = 'sqlcmd -S "sql01.contoso.com\rtc" -E -b -Q "SELECT name, physical_name FROM sys.master_files WHERE database_id = DB_ID(N''QoEMetrics'')"'; Verify = 'The data file and log file paths of QoEMetrics are the intended ones.' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Under QoEMetrics, Security, Users: make sure RTCComponentUniversalServices exists; if not, add it as a new user for the login RTCComponentUniversalServices with the database role ServerRole. The Archiving and Monitoring services need no restart.'; Command = 'sqlcmd -S "sql01.contoso.com\rtc" -E -b -d "QoEMetrics" -Q "SELECT m.name AS member, r.name AS role FROM sys.database_role_members x JOIN sys.database_principals r ON r.principal_id = x.role_principal_id JOIN sys.database_principals m ON m.principal_id = x.member_principal_id WHERE m.name = N''RTCComponentUniversalServices''"'; Verify = 'RTCComponentUniversalServices is a user of QoEMetrics with the ServerRole database role.' }
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
    Invoke-ManualStep 1 'prepare' 'Prepare a clean server with the same FQDN, Windows Server, certificates and a system image' '1 h'

}

function Step-2-sql {

    Wait-HandOff 2 'Install SQL Server with the instance name rtc' 'Database Services'
}

function Step-3-cms {

    Wait-HandOff 3 'Recreate and import the Central Management store, then enable the topology' 'Lync Operations'
}

function Step-4-dbs {

    Wait-HandOff 4 'Create the databases and the mirror in Topology Builder' 'Database Services'
}

function Step-5-data {

    Wait-HandOff 5 'Import user data, location information and Response Group configuration' 'Lync Operations'
}

function Step-6-sqlrestore {

    Wait-HandOff 6 'Restore the Archiving and Monitoring databases with SQL Server Management Studio' 'Database Services'
}

if ($ShowProcedure) {
    $subject = $null
    foreach ($p in $Procedure) {
        if ($p.Subject -ne $subject) { $subject = $p.Subject; Write-Host ''; Write-Host ('For ' + $subject + ':') }
        Write-Host $p.Text
        if ($p.Command) { Write-Host ('    ' + $p.Command) }
        if ($p.Verify) { Write-Host ('    Check: ' + $p.Verify) }
    }
    return
}

if (-not $WhatIfPreference) {
    New-Item -ItemType Directory -Path $TranscriptFolder -Force | Out-Null
    $transcript = Join-Path $TranscriptFolder ('{0}-{1}-{2}.log' -f 'cms-host', 'storage', $Drill)
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
