"""Figure names a section may ask for in content/figures.yaml, and where each is drawn.

Plain data in the data layer (importing it loads no plotly), so the content checker knows
every name without drawing anything. Each target is ``"module:function"`` inside
widgets.figures; the function takes the loaded course and returns a FigureItem (name,
title, figure, alt_text).
"""
FIGURES: dict[str, str] = {
    # the pathway
    "pathway": "pathway:pathway_item",
    "pathway_steps": "pathway_steps:pathway_steps_item",
    "pathway_neuropathic": "pathway:pathway_neuropathic_item",
    "pathway_spasticity": "pathway:pathway_spasticity_item",
    "pathway_musculoskeletal": "pathway:pathway_musculoskeletal_item",
    # teaching charts
    "course_map": "course_map:course_map_item",
    "prevalence": "prevalence:prevalence_item",
    "pain_estimates": "prevalence:pain_estimates_item",
    "extremity_pain": "prevalence:extremity_pain_item",
    "ms_courses": "ms_courses:ms_courses_item",
    "screening_tools": "assessment:screening_tools_item",
    "penn_scale": "assessment:penn_scale_item",
    "nrs_change": "assessment:nrs_change_item",
    "spasticity_share": "spasticity:spasticity_share_item",
    "spasticity_triggers": "spasticity:spasticity_triggers_item",
    "fracture_risk": "risks:fracture_risk_item",
    "management_map": "management:management_map_item",
    "exercise_evidence": "lifestyle:exercise_evidence_item",
    "fatigue_interventions": "lifestyle:fatigue_interventions_item",
    "heat_sensitivity": "lifestyle:heat_sensitivity_item",
    "weight_comorbidity": "lifestyle:weight_comorbidity_item",
}
FIGURE_NAMES = frozenset(FIGURES)
# The pathway figures that highlight one pain type's causal chain. Which pain type each
# highlights is content: the `highlights:` mapping of content/pathway.yaml.
HIGHLIGHT_FIGURES = frozenset({"pathway_neuropathic", "pathway_spasticity",
                               "pathway_musculoskeletal"})
