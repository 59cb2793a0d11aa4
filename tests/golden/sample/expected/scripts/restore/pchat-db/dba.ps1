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
    [string]$EvidenceFile = 'C:\Restore\evidence\pchat-db-dba.csv',
    [string]$TranscriptFolder = 'C:\Restore\transcripts',
    [switch]$Step,
    [int]$FromStep = 1,
    [switch]$ShowProcedure
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$PlanId = 'contoso-lync'
$ScenarioId = 'pchat-db'
$ScenarioTitle = 'Persistent Chat database lost'
$RoleId = 'dba'
$RoleName = 'Database Services'
$Rto = '8 h'
$Procedure = @(
    [pscustomobject]@{ Subject = 'sql03.contoso.com'; Text = 'The mgc database was backed up with Export-CsPersistentChatData: copy the export to a local folder.'; Command = '$Run = Get-ChildItem "\\bk01.contoso.com\LyncBackup\red-pchat" -Directory | Where-Object Name -like "20??-??-??-????" | Sort-Object Name | Select-Object -Last 1; Robocopy $Run.FullName C:\Restore mgc-red-pchat.zip'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql03.contoso.com'; Text = 'Import it into the mgc database on sql03.contoso.com\pchat. Data comes back as of the last export, not the moment of failure.'; Command = 'Import-CsPersistentChatData -DBInstance "sql03.contoso.com\pchat" -FileName "C:\Restore\mgc-red-pchat.zip"'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql03.contoso.com'; Text = 'Check the chat rooms. The compliance database mgccomp is not restored.'; Command = ''; Verify = 'Users open a chat room and see its posts up to the backup time.' }
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

function Step-1-restore {
    Invoke-ManualStep 1 'restore' 'Restore mgc the same way it was backed up' '3 h'

}

function Step-2-verify {

    Wait-HandOff 2 'Open a chat room and check recent posts' 'Lync Operations'
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
    $transcript = Join-Path $TranscriptFolder ('{0}-{1}-{2}.log' -f 'pchat-db', 'dba', $Drill)
    Start-Transcript -Path $transcript -Append | Out-Null
}
try {
    Write-Host ("{0}: {1}, for {2}. Recovery time objective: {3}." -f $ScenarioId, $ScenarioTitle, $RoleName, $Rto)
    Step-1-restore
    Step-2-verify
    Write-Host 'Every step of this role is done.'
} finally {
    if (-not $WhatIfPreference) { Stop-Transcript | Out-Null }
}
