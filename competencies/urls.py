from django.urls import path

from competencies.views import employees, experts, hr, managers

app_name = "competencies"
urlpatterns = [
    # Everyone's own profile, someone's profile (manager, HR), gaps and the framework.
    path("", employees.index, name="index"),
    path("people/<int:pk>/", employees.profile, name="profile"),
    path("people/<int:pk>/gaps/", employees.gap_list, name="gaps"),
    path("framework/", employees.framework, name="framework"),
    # A review: self-assessment, the manager's review, the employee's reaction.
    path("reviews/<int:pk>/", employees.review_detail, name="review-detail"),
    path("reviews/<int:pk>/self-assessment/", employees.self_assessment, name="self-assessment"),
    path("reviews/<int:pk>/review/", managers.manager_review, name="manager-review"),
    path("reviews/<int:pk>/reaction/", employees.reaction, name="reaction"),
    # Managers.
    path("team/", managers.team, name="team"),
    # Who knows what.
    path("experts/", experts.finder, name="experts"),
    path("experts/me/", experts.expert_profile_edit, name="expert-profile"),
    # HR.
    path("hr/", hr.dashboard, name="hr-dashboard"),
    path("hr/framework/new/", hr.competency_create, name="competency-create"),
    path("hr/framework/<int:pk>/edit/", hr.competency_edit, name="competency-edit"),
    path("hr/framework/<int:pk>/retire/", hr.competency_retire, name="competency-retire"),
    path(
        "hr/framework/<int:pk>/reactivate/", hr.competency_reactivate, name="competency-reactivate"
    ),
    path("hr/categories/new/", hr.category_create, name="category-create"),
    path("hr/categories/<int:pk>/edit/", hr.category_edit, name="category-edit"),
    path("hr/roles/", hr.role_list, name="role-list"),
    path("hr/roles/<int:pk>/", hr.role_edit, name="role-edit"),
    path("hr/cycles/new/", hr.cycle_create, name="cycle-create"),
    path("hr/cycles/<int:pk>/", hr.cycle_detail, name="cycle-detail"),
    path("hr/cycles/<int:pk>/close/", hr.cycle_close, name="cycle-close"),
    path("hr/departments/<int:pk>/", hr.department, name="department"),
]
