#!/bin/sh
# Remove what install.sh installed for you: the bundle, the menu entry, the icons, the
# AppStream metadata and the `ontrack` command. Your data (~/.local/share/OnTrack/, with
# ontrack.sqlite) and settings (~/.config/OnTrack/) stay where they are.
#
#   ~/.local/share/org.ontrack.OnTrack/uninstall.sh
set -eu

APP_ID=org.ontrack.OnTrack

[ -n "${HOME:-}" ] || {
    echo "uninstall.sh: HOME is not set" >&2
    exit 1
}
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
target=$data_home/$APP_ID
bin_link=$HOME/.local/bin/ontrack

remove_file() {
    if [ -f "$1" ] || [ -L "$1" ]; then
        rm -f -- "$1"
    fi
}

# Folders install.sh may have made, removed only if nothing else is left in them.
remove_if_empty() {
    if [ -d "$1" ]; then
        rmdir -- "$1" 2>/dev/null || true
    fi
}

remove_file "$data_home/applications/$APP_ID.desktop"
remove_file "$data_home/metainfo/$APP_ID.metainfo.xml"
for icon in "$data_home"/icons/hicolor/*/apps/"$APP_ID".png "$data_home"/icons/hicolor/*/apps/"$APP_ID".svg; do
    [ -e "$icon" ] || continue
    apps=$(dirname -- "$icon")
    remove_file "$icon"
    remove_if_empty "$apps"
    remove_if_empty "$(dirname -- "$apps")"
done
if [ -d "$data_home/icons/hicolor" ]; then
    touch "$data_home/icons/hicolor"
    if [ -f "$data_home/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null; then
        gtk-update-icon-cache --force --quiet "$data_home/icons/hicolor" || true
    fi
fi
for folder in "$data_home/icons/hicolor" "$data_home/icons" "$data_home/applications" "$data_home/metainfo"; do
    remove_if_empty "$folder"
done

if [ -L "$bin_link" ] && [ "$(readlink -- "$bin_link")" = "$target/ontrack" ]; then
    rm -f -- "$bin_link"
    remove_if_empty "$(dirname -- "$bin_link")"
fi

# The bundle itself: only a folder install.sh made (it carries the marker).
if [ -f "$target/.ontrack-bundle" ]; then
    rm -rf -- "$target"
elif [ -e "$target" ]; then
    echo "uninstall.sh: $target is not an OnTrack installation; leaving it alone" >&2
fi

echo "OnTrack is uninstalled. Your data is still in $data_home/OnTrack/ (and your settings in ${XDG_CONFIG_HOME:-$HOME/.config}/OnTrack/)."
