; Inno Setup script: a per-user Windows installer for Rights Toolkit (no administrator rights).
; Written, not yet run (no Windows machine here): see packaging/README.md.
;
;   python packaging\build.py --no-archive
;   iscc /DAppVersion=0.1.0 packaging\windows\RightsToolkit.iss
;
; -> packaging\dist\RightsToolkit-<version>-windows-x86_64-setup.exe
; It installs packaging\dist\bundle\RightsToolkit (the PyInstaller folder) into the user's own
; programs folder, adds a Start-menu entry and an uninstaller (Settings > Apps), and refuses
; 32-bit Windows and anything older than Windows 10 with Windows' own message.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Rights Toolkit"
#define AppExe "RightsToolkit.exe"
#define Bundle "..\dist\bundle\RightsToolkit"

[Setup]
AppId={{6B7E3B9C-2F4A-4C7E-9E51-5A0C2D8B7F13}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\RightsToolkit
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per user: installs into %LOCALAPPDATA%\Programs, asks for no administrator password.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
; 64-bit Windows 10 or newer only (PySide6 6.12 supports nothing older).
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=RightsToolkit-{#AppVersion}-windows-x86_64-setup
SetupIconFile=..\..\assets\icons\toolkit.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
LicenseFile=..\..\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The same source gives the same installer bytes (no build time inside).
TimeStampsInUTC=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the app itself put in its folder; the user's data (in %LOCALAPPDATA%\RightsToolkit)
; stays, so reinstalling keeps letters, vaults and settings.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
