; Runs hooks.nsh the way Tauri's NSIS template does (scripts/test-nsis-hooks.sh builds this with
; makensis and runs it under Wine): the uninstall section starts with NSIS_HOOK_PREUNINSTALL,
; then deletes app data under exactly this condition and with exactly these commands
; (tauri-bundler's installer.nsi, Section Uninstall). /DWITHOUT_HOOK builds the same without
; the hook, to show the test catches a template that would delete the vault.
Unicode true
Target amd64-unicode
!include LogicLib.nsh
!define BUNDLEID "com.loandesk.desktop"
Var DeleteAppDataCheckboxState
Var UpdateMode
!ifndef WITHOUT_HOOK
  !include "hooks.nsh"
!endif
Name "LoanDesk hook test"
OutFile "${OUTFILE}"
RequestExecutionLevel user
SilentInstall silent

Section
  ; The officer ticked "delete the application data"; not an update.
  StrCpy $DeleteAppDataCheckboxState 1
  StrCpy $UpdateMode 0
  !ifmacrodef NSIS_HOOK_PREUNINSTALL
    !insertmacro NSIS_HOOK_PREUNINSTALL
  !endif
  ${If} $DeleteAppDataCheckboxState = 1
  ${AndIf} $UpdateMode <> 1
    SetShellVarContext current
    RmDir /r "$APPDATA\${BUNDLEID}"
    RmDir /r "$LOCALAPPDATA\${BUNDLEID}"
  ${EndIf}
SectionEnd
