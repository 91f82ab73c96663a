; Hooks into Tauri's NSIS template (bundle.windows.nsis.installerHooks).
;
; The template's uninstaller offers "Delete the application data", which runs
; `RmDir /r "$LOCALAPPDATA\${BUNDLEID}"` and `RmDir /r "$APPDATA\${BUNDLEID}"`. The officer's
; vault and its default backups live in `$LOCALAPPDATA\${BUNDLEID}` (an encrypted client book
; that may exist nowhere else), so that must never happen: this hook runs at the start of the
; uninstall section, before the template's delete, removes only what is safe to lose (the
; WebView2 cache the window keeps in that folder) and clears the checkbox state so the
; template's recursive delete is skipped. Officers who want the vault gone delete it by hand.
!macro NSIS_HOOK_PREUNINSTALL
  ${If} $DeleteAppDataCheckboxState = 1
  ${AndIf} $UpdateMode <> 1
    SetShellVarContext current
    RmDir /r "$LOCALAPPDATA\${BUNDLEID}\EBWebView"
  ${EndIf}
  StrCpy $DeleteAppDataCheckboxState 0
!macroend
