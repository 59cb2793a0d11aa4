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
.\dublin-it.ps1 -Step
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param(
    [string]$Drill = (Get-Date).ToString('yyyy-MM-dd', [Globalization.CultureInfo]::InvariantCulture),
    [string]$EvidenceFile = 'C:\Restore\evidence\se-server-dublin-it.csv',
    [string]$TranscriptFolder = 'C:\Restore\transcripts',
    [switch]$Step,
    [int]$FromStep = 1,
    [switch]$ShowProcedure
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$PlanId = 'contoso-lync'
$ScenarioId = 'se-server'
$ScenarioTitle = 'Standard Edition server se01 lost'
$RoleId = 'dublin-it'
$RoleName = 'Dublin Site IT'
$Rto = '8 h'
$Procedure = @(
    [pscustomobject]@{ Subject = 'se01.dublin.contoso.com'; Text = 'Install Windows Server on a new or clean computer named se01.dublin.contoso.com, following the organisation''s build procedure. Keep the computer account in Active Directory Domain Services: do not delete it, so its group memberships and permissions stay.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Subject = 'se01.dublin.contoso.com'; Text = 'Import the certificates and private keys of se01.dublin.contoso.com from their backup, or enrol new ones from the certification authority.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Subject = 'se01.dublin.contoso.com'; Text = 'On se01.dublin.contoso.com, take a system image as a rollback point before any Lync data is restored. Have the completed worksheets at hand.'; Command = '$Target = Read-Host "Volume or share for the image of se01.dublin.contoso.com"; wbadmin start backup -backupTarget:$Target -allCritical -quiet'; Verify = 'The image of se01.dublin.contoso.com is stored where the restore team can reach it.' }
    [pscustomobject]@{ Subject = 'se01.dublin.contoso.com'; Text = 'Re-create the File Store folder at its original path, share it as LyncShare, and copy the File Store back from the newest run folder of its backup.'; Command = '$Run = Get-ChildItem "\\bk02.dublin.contoso.com\LyncBackup\dub-files" -Directory | Where-Object Name -like "20??-??-??-????" | Sort-Object Name | Select-Object -Last 1; Robocopy $Run.FullName \\se01.dublin.contoso.com\LyncShare /E /R:2 /W:10'; Verify = 'The share \\se01.dublin.contoso.com\LyncShare exists with its original path and name.' }
    [pscustomobject]@{ Subject = 'se01.dublin.contoso.com'; Text = 'In Topology Builder, choose Download Topology from existing deployment and save the topology to a file.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Subject = 'se01.dublin.contoso.com'; Text = 'On se01.dublin.contoso.com, run Lync Server Setup (\setup\amd64\Setup.exe) and the Deployment Wizard''s Steps 1 to 4: Install Local Configuration Store; Setup or Remove Lync Server Components; Request, Install or Assign Certificates; Start Services.'; Command = ''; Verify = 'Step 4 ends with every Lync service of se01.dublin.contoso.com started.' }
    [pscustomobject]@{ Subject = 'se01.dublin.contoso.com'; Text = 'Copy the user data backup of se01.dublin.contoso.com from its newest run folder to a local folder; to go back further, copy from an older run folder instead.'; Command = '$Run = Get-ChildItem "\\bk02.dublin.contoso.com\LyncBackup\dub-users" -Directory | Where-Object Name -like "20??-??-??-????" | Sort-Object Name | Select-Object -Last 1; Robocopy $Run.FullName C:\Restore rtcxds-dub-users.zip'; Verify = '' }
    [pscustomobject]@{ Subject = 'se01.dublin.contoso.com'; Text = 'Stop the Lync services on se01.dublin.contoso.com.'; Command = 'Stop-CsWindowsService -ComputerName se01.dublin.contoso.com'; Verify = '' }
    [pscustomobject]@{ Subject = 'se01.dublin.contoso.com'; Text = 'Import the user data and conference IDs of se01.dublin.contoso.com.'; Command = 'Import-CsUserData -PoolFqdn "se01.dublin.contoso.com" -FileName "C:\Restore\rtcxds-dub-users.zip"'; Verify = '' }
    [pscustomobject]@{ Subject = 'se01.dublin.contoso.com'; Text = 'Start the Lync services on se01.dublin.contoso.com again.'; Command = 'Start-CsWindowsService -ComputerName se01.dublin.contoso.com'; Verify = '' }
    [pscustomobject]@{ Subject = 'se01.dublin.contoso.com'; Text = 'Copy the Response Group backup of se01.dublin.contoso.com from its newest run folder to a local folder; to go back further, copy from an older run folder instead.'; Command = '$Run = Get-ChildItem "\\bk02.dublin.contoso.com\LyncBackup\dub-rgs" -Directory | Where-Object Name -like "20??-??-??-????" | Sort-Object Name | Select-Object -Last 1; Robocopy $Run.FullName C:\Restore rgsconfig-dub-rgs.zip'; Verify = '' }
    [pscustomobject]@{ Subject = 'se01.dublin.contoso.com'; Text = 'Import the Response Group configuration. -OverwriteOwner is needed because the server is newly deployed.'; Command = 'Import-CsRgsConfiguration -Destination "service:ApplicationServer:se01.dublin.contoso.com" -OverwriteOwner -FileName "C:\Restore\rgsconfig-dub-rgs.zip"'; Verify = 'Get-CsRgsWorkflow -Identity "service:ApplicationServer:se01.dublin.contoso.com" -ShowAll lists the workflows; a test call reaches a response group.' }
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
    Invoke-ManualStep 1 'prepare' 'Prepare the spare server with the same FQDN, Windows Server, certificates and a system image' '2 h'

}

function Step-2-files {
    Invoke-ManualStep 2 'files' 'Restore the File Store to the same path and share name' '1 h'

}

function Step-3-deploy {

    Wait-HandOff 3 'Download the topology in Topology Builder and run Deployment Wizard Steps 1 to 4' 'Lync Operations'
}

function Step-4-users {

    Wait-HandOff 4 'Import user data and Response Group configuration' 'Lync Operations'
}

function Step-5-verify {
    Invoke-ManualStep 5 'verify' 'Sign in test users and place a test call' '30 min'

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
    $transcript = Join-Path $TranscriptFolder ('{0}-{1}-{2}.log' -f 'se-server', 'dublin-it', $Drill)
    Start-Transcript -Path $transcript -Append | Out-Null
}
try {
    Write-Host ("{0}: {1}, for {2}. Recovery time objective: {3}." -f $ScenarioId, $ScenarioTitle, $RoleName, $Rto)
    Step-1-prepare
    Step-2-files
    Step-3-deploy
    Step-4-users
    Step-5-verify
    Write-Host 'Every step of this role is done.'
} finally {
    if (-not $WhatIfPreference) { Stop-Transcript | Out-Null }
}
