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
    [string]$EvidenceFile = 'C:\Restore\evidence\be-mirror-primary-dba.csv',
    [string]$TranscriptFolder = 'C:\Restore\transcripts',
    [switch]$Step,
    [int]$FromStep = 1,
    [switch]$ShowProcedure
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$PlanId = 'contoso-lync'
$ScenarioId = 'be-mirror-primary'
$ScenarioTitle = 'Mirrored Back End: primary sql01 failed, mirror sql02 healthy'
$RoleId = 'dba'
$RoleName = 'Database Services'
$Rto = '4 h'
$Procedure = @(
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'On a Front End server, open the Lync Server Management Shell and see which databases still run on the primary sql01.contoso.com.'; Command = 'Get-CsDatabaseMirrorState -PoolFqdn pool01.contoso.com -DatabaseType User'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Fail the user databases over to the mirror sql02.contoso.com, and do the same for every other database type the Back End holds. With synchronous mirroring and a witness this has already happened automatically.'; Command = 'Invoke-CsDatabaseFailover -PoolFqdn pool01.contoso.com -DatabaseType User -NewPrincipal Mirror -Force -Verbose'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'pool01.contoso.com holds the Central Management store: fail it over to sql02.contoso.com too.'; Command = 'Invoke-CsDatabaseFailover -PoolFqdn pool01.contoso.com -DatabaseType CentralMgmt -NewPrincipal Mirror -Force -Verbose'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'In Topology Builder, edit the properties of pool01.contoso.com: clear Enable SQL Server store mirroring (and the same for Archiving and Monitoring if they are mirrored) and publish; then set SQL Server store to sql02.contoso.com and publish again.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Stop and then start the Lync services on the Front End server fe01.contoso.com.'; Command = 'Stop-CsWindowsService -ComputerName fe01.contoso.com; Start-CsWindowsService -ComputerName fe01.contoso.com'; Verify = 'Every Lync service of fe01.contoso.com runs.' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Stop and then start the Lync services on the Front End server fe02.contoso.com.'; Command = 'Stop-CsWindowsService -ComputerName fe02.contoso.com; Start-CsWindowsService -ComputerName fe02.contoso.com'; Verify = 'Every Lync service of fe02.contoso.com runs.' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Stop and then start the Lync services on the Front End server fe03.contoso.com.'; Command = 'Stop-CsWindowsService -ComputerName fe03.contoso.com; Start-CsWindowsService -ComputerName fe03.contoso.com'; Verify = 'Every Lync service of fe03.contoso.com runs.' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Remove mirroring for the user databases, and the same for every other database type the Back End holds.'; Command = 'Uninstall-CsMirrorDatabase -DatabaseType User -SqlServerFqdn sql02.contoso.com -SqlInstanceName rtc -Verbose'; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Install Windows Server on a new or clean computer named sql01.contoso.com, following the organisation''s build procedure. Keep the computer account in Active Directory Domain Services: do not delete it, so its group memberships and permissions stay.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'Import the certificates and private keys of sql01.contoso.com from their backup, or enrol new ones from the certification authority.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'On sql01.contoso.com, take a system image as a rollback point before any Lync data is restored. Have the completed worksheets at hand.'; Command = '$Target = Read-Host "Volume or share for the image of sql01.contoso.com"; wbadmin start backup -backupTarget:$Target -allCritical -quiet'; Verify = 'The image of sql01.contoso.com is stored where the restore team can reach it.' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'On sql01.contoso.com, install SQL Server with the instance name rtc.'; Command = ''; Verify = '' }
    [pscustomobject]@{ Subject = 'sql01.contoso.com'; Text = 'In Topology Builder, turn Enable SQL Server store mirroring back on with sql01.contoso.com as the Mirroring SQL Server store, then choose Install Database, Create databases and Create Mirror Database.'; Command = ''; Verify = 'Get-CsDatabaseMirrorState -PoolFqdn pool01.contoso.com -DatabaseType User shows both principal and mirror.' }
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

function Step-1-failover {
    Invoke-ManualStep 1 'failover' 'Fail the databases over to the mirror if the witness has not' '15 min'

}

function Step-2-unmirror {

    Wait-HandOff 2 'Turn off mirroring in Topology Builder, publish, and remove the mirror databases' 'Lync Operations'
}

function Step-3-rebuild {
    Invoke-ManualStep 3 'rebuild' 'Rebuild sql01 with the same FQDN and SQL Server instance' '1 h'

}

function Step-4-remirror {
    Invoke-ManualStep 4 'remirror' 'Turn mirroring back on with the rebuilt server and create the mirror databases' '1 h'

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
    $transcript = Join-Path $TranscriptFolder ('{0}-{1}-{2}.log' -f 'be-mirror-primary', 'dba', $Drill)
    Start-Transcript -Path $transcript -Append | Out-Null
}
try {
    Write-Host ("{0}: {1}, for {2}. Recovery time objective: {3}." -f $ScenarioId, $ScenarioTitle, $RoleName, $Rto)
    Step-1-failover
    Step-2-unmirror
    Step-3-rebuild
    Step-4-remirror
    Write-Host 'Every step of this role is done.'
} finally {
    if (-not $WhatIfPreference) { Stop-Transcript | Out-Null }
}
