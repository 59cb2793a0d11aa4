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
.\lync-ops.ps1 -Step
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param(
    [string]$Drill = (Get-Date).ToString('yyyy-MM-dd', [Globalization.CultureInfo]::InvariantCulture),
    [string]$EvidenceFile = 'C:\Restore\evidence\be-mirror-secondary-lync-ops.csv',
    [string]$TranscriptFolder = 'C:\Restore\transcripts',
    [switch]$Step,
    [int]$FromStep = 1,
    [switch]$ShowProcedure
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$PlanId = 'contoso-lync'
$ScenarioId = 'be-mirror-secondary'
$ScenarioTitle = 'Mirrored Back End: mirror sql02 failed, primary sql01 healthy'
$RoleId = 'lync-ops'
$RoleName = 'Lync Operations'
$Rto = '1 day'
$Procedure = @(
    [pscustomobject]@{ Subject = 'sql02.contoso.com'; Text = 'On a Front End server, remove mirroring from the primary sql01.contoso.com for the user databases, and the same for every other database type the Back End holds.'; Command = 'Uninstall-CsMirrorDatabase -DatabaseType User -SqlServerFqdn sql01.contoso.com -SqlInstanceName rtc -Verbose'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql02.contoso.com'; Text = 'Install Windows Server on a new or clean computer named sql02.contoso.com, following the organisation''s build procedure. Keep the computer account in Active Directory Domain Services: do not delete it, so its group memberships and permissions stay.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Subject = 'sql02.contoso.com'; Text = 'Import the certificates and private keys of sql02.contoso.com from their backup, or enrol new ones from the certification authority.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Subject = 'sql02.contoso.com'; Text = 'On sql02.contoso.com, take a system image as a rollback point before any Lync data is restored. Have the completed worksheets at hand.'; Command = '$Target = Read-Host "Volume or share for the image of sql02.contoso.com"; wbadmin start backup -backupTarget:$Target -allCritical -quiet'; Verify = 'The image of sql02.contoso.com is stored where the restore team can reach it.' }
    [pscustomobject]@{ Subject = 'sql02.contoso.com'; Text = 'On sql02.contoso.com, install SQL Server with the instance name rtc.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Subject = 'sql02.contoso.com'; Text = 'In Topology Builder choose Install Database, Create databases and Create Mirror Database (Install-CsMirrorDatabase from the shell does the same).'; Command = ''; Verify = 'Get-CsDatabaseMirrorState -PoolFqdn pool01.contoso.com -DatabaseType User shows both principal and mirror.' }
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

function Step-1-unmirror {
    Invoke-ManualStep 1 'unmirror' 'Remove mirroring for every database type with Uninstall-CsMirrorDatabase' '30 min'

}

function Step-2-rebuild {

    Wait-HandOff 2 'Rebuild sql02 with the same FQDN and SQL Server instance' 'Database Services'
}

function Step-3-remirror {

    Wait-HandOff 3 'Create the mirror databases in Topology Builder' 'Database Services'
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
    $transcript = Join-Path $TranscriptFolder ('{0}-{1}-{2}.log' -f 'be-mirror-secondary', 'lync-ops', $Drill)
    Start-Transcript -Path $transcript -Append | Out-Null
}
try {
    Write-Host ("{0}: {1}, for {2}. Recovery time objective: {3}." -f $ScenarioId, $ScenarioTitle, $RoleName, $Rto)
    Step-1-unmirror
    Step-2-rebuild
    Step-3-remirror
    Write-Host 'Every step of this role is done.'
} finally {
    if (-not $WhatIfPreference) { Stop-Transcript | Out-Null }
}
