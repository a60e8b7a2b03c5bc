#!/bin/sh
# Install OnTrack for you alone: no root, nothing outside your home folder.
#
#   ./install.sh        (from the unpacked ontrack-<version>-linux-x86_64 folder)
#
# Puts the bundle in ~/.local/share/org.ontrack.OnTrack/, the menu entry in
# ~/.local/share/applications/, the icon in ~/.local/share/icons/hicolor/, the AppStream
# metadata in ~/.local/share/metainfo/ (all under $XDG_DATA_HOME if you set it) and a
# command `ontrack` in ~/.local/bin/. Installing again replaces the bundle (an upgrade).
# Your data (~/.local/share/OnTrack/) and settings (~/.config/OnTrack/) are never touched.
# To remove OnTrack again: ~/.local/share/org.ontrack.OnTrack/uninstall.sh
set -eu

APP_ID=org.ontrack.OnTrack
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)

fail() {
    echo "install.sh: $*" >&2
    exit 1
}

[ -n "${HOME:-}" ] || fail "HOME is not set"
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
case $data_home in
/*) ;;
*) fail "XDG_DATA_HOME must be an absolute path (it is '$data_home')" ;;
esac
target=$data_home/$APP_ID
bin_link=$HOME/.local/bin/ontrack
version=$(cat "$here/VERSION" 2>/dev/null || echo unknown)

[ -x "$here/ontrack/ontrack" ] || fail "run me from the unpacked OnTrack folder (ontrack/ontrack is missing)"
# The path goes into the desktop entry's Exec line, where these characters need escapes
# that not every desktop reads alike; refusing is clearer than a menu entry that fails.
case $target in
*'"'* | *'`'* | *'$'* | *'\'* | *'%'* | *"
"*) fail "cannot install under '$target': the path has a quote, \$, \\, % or line break" ;;
esac

# Replace an earlier installation, but only a folder this script made (it has the marker).
if [ -e "$target" ] || [ -L "$target" ]; then
    [ -f "$target/.ontrack-bundle" ] || fail "$target exists but is not an OnTrack installation; leaving it alone"
    rm -rf -- "$target"
fi
mkdir -p -- "$target"
cp -R -- "$here/ontrack/." "$target/"
cp -- "$here/uninstall.sh" "$target/uninstall.sh"
chmod 755 "$target/uninstall.sh"
echo "$version" >"$target/.ontrack-bundle"

# The menu entry, pointing at this installation.
exec_path=$target/ontrack
sed_path=$(printf '%s' "$exec_path" | sed 's/[&|]/\\&/g')
mkdir -p -- "$data_home/applications"
sed -e "s|^Exec=.*|Exec=\"$sed_path\"|" -e "s|^TryExec=.*|TryExec=$sed_path|" \
    "$here/share/applications/$APP_ID.desktop" >"$data_home/applications/$APP_ID.desktop"
chmod 644 "$data_home/applications/$APP_ID.desktop"

mkdir -p -- "$data_home/metainfo"
cp -- "$here/share/metainfo/$APP_ID.metainfo.xml" "$data_home/metainfo/"

for icon in "$here"/share/icons/hicolor/*/apps/"$APP_ID".*; do
    size_dir=$(basename -- "$(dirname -- "$(dirname -- "$icon")")")
    mkdir -p -- "$data_home/icons/hicolor/$size_dir/apps"
    cp -- "$icon" "$data_home/icons/hicolor/$size_dir/apps/"
done
# Desktops notice new icons by the theme folder's time; a cache, if one exists, is renewed
# (none is created: uninstall.sh would have to leave it behind).
touch "$data_home/icons/hicolor"
if [ -f "$data_home/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache --force --quiet "$data_home/icons/hicolor" || true
fi

# `ontrack` on the command line, unless something else already has that name.
if [ ! -e "$bin_link" ] && [ ! -L "$bin_link" ]; then
    mkdir -p -- "$(dirname -- "$bin_link")"
    ln -s -- "$exec_path" "$bin_link"
elif [ -L "$bin_link" ] && [ "$(readlink -- "$bin_link")" = "$exec_path" ]; then
    : # ours already
else
    echo "install.sh: $bin_link exists and is not OnTrack's; not adding the ontrack command" >&2
fi

echo "OnTrack $version is installed in $target."
echo "Start it from your application menu, or run: $exec_path"
echo "To remove it: $target/uninstall.sh (your data stays)"
