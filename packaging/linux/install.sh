#!/bin/sh
# Install Herstelplan for this user only (no root needed), from the unpacked folder this script is in.
#
#   ./install.sh              copy the program to ~/.local/lib/herstelplan, put `herstelplan` in
#                             ~/.local/bin and Herstelplan in the applications menu
#   ./install.sh --uninstall  take those away again
#
# Your patients' data is not touched either way: it lives in ~/.local/share/Herstelplan (or the
# folder HERSTELPLAN_DATA_DIR names). Installing a newer version over an older one keeps it; the
# program backs the database up and then brings it to the new version when it opens it.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-"$HOME/.local/share"}
lib_dir="$HOME/.local/lib/herstelplan"
bin_link="$HOME/.local/bin/herstelplan"
desktop_file="$data_home/applications/herstelplan.desktop"
icons_dir="$data_home/icons/hicolor"

refresh_menus() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data_home/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$icons_dir" 2>/dev/null || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$bin_link" "$desktop_file"
    find "$icons_dir" -name 'herstelplan.png' -path '*/apps/*' -delete 2>/dev/null || true
    rm -f "$icons_dir/scalable/apps/herstelplan.svg"
    rm -rf "$lib_dir"
    refresh_menus
    echo "Herstelplan is removed. Your data is still in $data_home/Herstelplan."
    exit 0
fi
if [ $# -gt 0 ]; then
    echo "install.sh: unknown option '$1' (use no option to install, or --uninstall)" >&2
    exit 2
fi
if [ ! -x "$here/Herstelplan" ] || [ ! -d "$here/_internal" ]; then
    echo "install.sh: run me from the unpacked Herstelplan folder (Herstelplan and _internal/ beside me)" >&2
    exit 1
fi

# The program: copied whole into a new folder, then swapped in, so a failed copy leaves the old one.
if [ "$here" != "$lib_dir" ]; then
    mkdir -p "$HOME/.local/lib"
    rm -rf "$lib_dir.new"
    cp -a "$here" "$lib_dir.new"
    rm -rf "$lib_dir.old"
    if [ -e "$lib_dir" ]; then mv "$lib_dir" "$lib_dir.old"; fi
    mv "$lib_dir.new" "$lib_dir"
    rm -rf "$lib_dir.old"
fi

mkdir -p "$(dirname "$bin_link")"
ln -sfn "$lib_dir/Herstelplan" "$bin_link"

mkdir -p "$(dirname "$desktop_file")"
sed -e "s|^Exec=.*|Exec=\"$lib_dir/Herstelplan\"|" -e "s|^TryExec=.*|TryExec=$lib_dir/Herstelplan|" \
    "$lib_dir/share/applications/herstelplan.desktop" > "$desktop_file.new"
mv "$desktop_file.new" "$desktop_file"

mkdir -p "$icons_dir"
cp -R "$lib_dir/share/icons/hicolor/." "$icons_dir/"
refresh_menus

version=$("$lib_dir/Herstelplan" --version 2>/dev/null || echo "Herstelplan")
echo "$version is installed: start it from the applications menu, or type herstelplan."
case ":${PATH:-}:" in
    *":$HOME/.local/bin:"*) ;;
    *) echo "(~/.local/bin is not on your PATH yet: log out and in again, or start $bin_link.)" ;;
esac
