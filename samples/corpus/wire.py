"""The one wire story syndicated word for word by Harbour Times and Northern Courier."""

WIRE_TITLE = "Container freight rates fall for fourth week as Red Sea traffic returns"
WIRE_AUTHOR = "Wire staff"
WIRE_SUMMARY = (
    "Spot rates for containers shipped from Asia to Europe fell for a fourth week running as more "
    "carriers returned to the Suez Canal route."
)
WIRE_BODY = """
Spot rates for shipping containers between Asia and Europe fell for a fourth consecutive week, as more carriers returned to the Suez Canal route and added capacity to a market already struggling with a surplus of new vessels.

The benchmark rate for a 40-foot container from Shanghai to Rotterdam slipped 6% over the week to about $1,850, according to figures published on Thursday by freight analysts. Rates on the Shanghai to Genoa route fell by a similar margin.

Rates have now fallen by roughly a third since the start of October. The decline has been driven mainly by the gradual return of container lines to the Red Sea after a long period in which most ships sailed around the Cape of Good Hope to avoid attacks on commercial vessels.

The shorter route cuts around ten days from a typical voyage between Asia and northern Europe, effectively freeing up ships that had been tied up on the longer journey. At the same time, shipyards in China and South Korea continue to deliver new vessels ordered during the boom years.

"The market has more ships than it needs, and the return to Suez makes that gap bigger," said a freight analyst in Copenhagen. "Unless lines start cancelling sailings in a big way, we expect rates to keep drifting lower into the new year."

Transpacific rates, between Asia and the west coast of the U.S., were broadly stable over the week. Carriers have announced plans to cancel a number of sailings around the Lunar New Year holiday, which could offer some support to prices in February.

Lower freight costs are good news for retailers and manufacturers that import goods from Asia, although economists say the effect on consumer prices tends to appear only after several months.
"""
# Same instant in both feeds: 2026-11-26T14:00:00Z.
