// libqrencode (Debian: libqrencode-dev): QR codes for the pairing URL shown in the terminal.
#include <qrencode.h>
