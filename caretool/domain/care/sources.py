"""The clinical sources the red-flag rules cite: anchors of docs/clinical-sources.md with a short
title for the warning panels. The file is the reference (a test checks every anchor here exists
there); the titles are what a family sees under a warning."""

from __future__ import annotations

from caretool.core.messages import Message, msg

TITLES: dict[str, Message] = {
    "nice-ng42": msg("source.nice-ng42", "NICE guideline NG42 (motor neurone disease)"),
    "enmc-niv-2003": msg("source.enmc-niv-2003", "European consensus on breathing support (ENMC)"),
    "mnda-respiratory": msg("source.mnda-respiratory", "MND Association: respiratory symptoms in MND"),
    "mnda-oxygen": msg("source.mnda-oxygen", "MND Association: oxygen therapy and the oxygen alert card"),
    "mnda-choking": msg("source.mnda-choking", "MND Association: swallowing difficulties"),
    "mnd-scotland-choking": msg("source.mnd-scotland-choking", "MND Scotland: coping with choking"),
    "mnda-end-of-life": msg("source.mnda-end-of-life", "MND Association: end of life care in MND"),
    "progas-2015": msg("source.progas-2015", "ProGas study of gastrostomy in ALS (2015)"),
    "bapen-must": msg("source.bapen-must", "BAPEN Malnutrition Universal Screening Tool (MUST)"),
    "nhs-gastrostomy-tube-out": msg("source.nhs-gastrostomy-tube-out",
                                    "NHS: what to do if a gastrostomy tube comes out"),
    "leeds-gastrostomy": msg("source.leeds-gastrostomy",
                             "Leeds Teaching Hospitals: problems with gastrostomy tubes"),
    "riluzole-label": msg("source.riluzole-label", "Riluzole (Rilutek) prescribing information"),
    "tiglutik-label": msg("source.tiglutik-label", "Riluzole suspension (Tiglutik) prescribing information"),
    "radicava-label": msg("source.radicava-label", "Edaravone (Radicava) prescribing information"),
    "qalsody-label": msg("source.qalsody-label", "Tofersen (Qalsody) prescribing information"),
    "lillo-2012": msg("source.lillo-2012", "Lillo et al. 2012 (caregiver burden and behaviour change)"),
    "de-wit-2018": msg("source.de-wit-2018", "de Wit et al. 2018 (caregiver burden in ALS, review)"),
    "mnda-niv-more": msg("source.mnda-niv-more", "MND Association: using NIV more often"),
    "niv4mnd": msg("source.niv4mnd", "NIV4MND: non-invasive ventilation in MND (NIHR toolkit)"),
    "mnd-australia-dysphagia": msg("source.mnd-australia-dysphagia",
                                   "MND Australia: swallowing and nutrition"),
    "korea-lst": msg("source.korea-lst", "Korea: advance statement on life-sustaining treatment"),
    "crisis-lines": msg("source.crisis-lines", "Crisis lines and emergency numbers"),
    "korea-109": msg("source.korea-109", "Korea: 109 suicide-prevention line"),
}


def title(anchor: str) -> Message | str:
    """The anchor's title, or the anchor itself for one this version does not know."""
    return TITLES.get(anchor, anchor)
